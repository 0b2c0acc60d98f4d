/**
 * The jute records of zookeeper.jute (modules `org.apache.zookeeper.data`
 * and `org.apache.zookeeper.proto`) that the wire server reads or writes,
 * as data: fields in wire order, each with its jute type. codec.ts turns
 * each into an encoder and a decoder; handlers never touch bytes.
 *
 * jute types: int = INT32, long = INT64, boolean = 1 byte, buffer = INT32
 * length (-1 = null) + bytes, ustring = INT32 length (-1 = null) + UTF-8,
 * vector<T> = INT32 count (-1 = null) + elements, record = fields in order.
 * The txn module is not here: the coordinator's log has its own records
 * (src/coord/txn.ts), so wire and log formats can evolve apart.
 */
export type JuteType =
  | 'int'
  | 'long'
  | 'boolean'
  | 'buffer'
  | 'ustring'
  | { readonly vector: JuteType }
  | { readonly record: string };

export const records = {
  // module org.apache.zookeeper.data
  Id: [
    ['scheme', 'ustring'],
    ['id', 'ustring'],
  ],
  ACL: [
    ['perms', 'int'],
    ['id', { record: 'Id' }],
  ],
  Stat: [
    ['czxid', 'long'],
    ['mzxid', 'long'],
    ['ctime', 'long'],
    ['mtime', 'long'],
    ['version', 'int'],
    ['cversion', 'int'],
    ['aversion', 'int'],
    ['ephemeralOwner', 'long'],
    ['dataLength', 'int'],
    ['numChildren', 'int'],
    ['pzxid', 'long'],
  ],
  ClientInfo: [
    ['authScheme', 'ustring'],
    ['user', 'ustring'],
  ],

  // module org.apache.zookeeper.proto
  /** first packet of a connection; a trailing readOnly boolean is optional (old clients omit it) */
  ConnectRequest: [
    ['protocolVersion', 'int'],
    ['lastZxidSeen', 'long'],
    ['timeOut', 'int'],
    ['sessionId', 'long'],
    ['passwd', 'buffer'],
  ],
  /** the server appends a readOnly boolean when the request had one */
  ConnectResponse: [
    ['protocolVersion', 'int'],
    ['timeOut', 'int'],
    ['sessionId', 'long'],
    ['passwd', 'buffer'],
  ],
  SetWatches: [
    ['relativeZxid', 'long'],
    ['dataWatches', { vector: 'ustring' }],
    ['existWatches', { vector: 'ustring' }],
    ['childWatches', { vector: 'ustring' }],
  ],
  SetWatches2: [
    ['relativeZxid', 'long'],
    ['dataWatches', { vector: 'ustring' }],
    ['existWatches', { vector: 'ustring' }],
    ['childWatches', { vector: 'ustring' }],
    ['persistentWatches', { vector: 'ustring' }],
    ['persistentRecursiveWatches', { vector: 'ustring' }],
  ],
  RequestHeader: [
    ['xid', 'int'],
    ['type', 'int'],
  ],
  MultiHeader: [
    ['type', 'int'],
    ['done', 'boolean'],
    ['err', 'int'],
  ],
  AuthPacket: [
    ['type', 'int'],
    ['scheme', 'ustring'],
    ['auth', 'buffer'],
  ],
  ReplyHeader: [
    ['xid', 'int'],
    ['zxid', 'long'],
    ['err', 'int'],
  ],
  GetDataRequest: [
    ['path', 'ustring'],
    ['watch', 'boolean'],
  ],
  SetDataRequest: [
    ['path', 'ustring'],
    ['data', 'buffer'],
    ['version', 'int'],
  ],
  ReconfigRequest: [
    ['joiningServers', 'ustring'],
    ['leavingServers', 'ustring'],
    ['newMembers', 'ustring'],
    ['curConfigId', 'long'],
  ],
  SetDataResponse: [['stat', { record: 'Stat' }]],
  GetSASLRequest: [['token', 'buffer']],
  SetSASLResponse: [['token', 'buffer']],
  CreateRequest: [
    ['path', 'ustring'],
    ['data', 'buffer'],
    ['acl', { vector: { record: 'ACL' } }],
    ['flags', 'int'],
  ],
  CreateTTLRequest: [
    ['path', 'ustring'],
    ['data', 'buffer'],
    ['acl', { vector: { record: 'ACL' } }],
    ['flags', 'int'],
    ['ttl', 'long'],
  ],
  DeleteRequest: [
    ['path', 'ustring'],
    ['version', 'int'],
  ],
  GetChildrenRequest: [
    ['path', 'ustring'],
    ['watch', 'boolean'],
  ],
  GetAllChildrenNumberRequest: [['path', 'ustring']],
  GetChildren2Request: [
    ['path', 'ustring'],
    ['watch', 'boolean'],
  ],
  CheckVersionRequest: [
    ['path', 'ustring'],
    ['version', 'int'],
  ],
  SyncRequest: [['path', 'ustring']],
  SyncResponse: [['path', 'ustring']],
  GetACLRequest: [['path', 'ustring']],
  SetACLRequest: [
    ['path', 'ustring'],
    ['acl', { vector: { record: 'ACL' } }],
    ['version', 'int'],
  ],
  SetACLResponse: [['stat', { record: 'Stat' }]],
  AddWatchRequest: [
    ['path', 'ustring'],
    ['mode', 'int'],
  ],
  WatcherEvent: [
    ['type', 'int'],
    ['state', 'int'],
    ['path', 'ustring'],
  ],
  ErrorResponse: [['err', 'int']],
  CreateResponse: [['path', 'ustring']],
  Create2Response: [
    ['path', 'ustring'],
    ['stat', { record: 'Stat' }],
  ],
  ExistsRequest: [
    ['path', 'ustring'],
    ['watch', 'boolean'],
  ],
  ExistsResponse: [['stat', { record: 'Stat' }]],
  GetDataResponse: [
    ['data', 'buffer'],
    ['stat', { record: 'Stat' }],
  ],
  GetChildrenResponse: [['children', { vector: 'ustring' }]],
  GetAllChildrenNumberResponse: [['totalNumber', 'int']],
  GetChildren2Response: [
    ['children', { vector: 'ustring' }],
    ['stat', { record: 'Stat' }],
  ],
  GetACLResponse: [
    ['acl', { vector: { record: 'ACL' } }],
    ['stat', { record: 'Stat' }],
  ],
  CheckWatchesRequest: [
    ['path', 'ustring'],
    ['type', 'int'],
  ],
  RemoveWatchesRequest: [
    ['path', 'ustring'],
    ['type', 'int'],
  ],
  GetEphemeralsRequest: [['prefixPath', 'ustring']],
  GetEphemeralsResponse: [['ephemerals', { vector: 'ustring' }]],
  WhoAmIResponse: [['clientInfo', { vector: { record: 'ClientInfo' } }]],
} as const satisfies Readonly<Record<string, readonly (readonly [string, JuteType])[]>>;

export type RecordName = keyof typeof records;

/** TS value of a jute type: buffers may be null (ZooKeeper keeps null data), strings and vectors decode null as empty. */
export type JuteValue<T> = T extends 'int'
  ? number
  : T extends 'long'
    ? bigint
    : T extends 'boolean'
      ? boolean
      : T extends 'buffer'
        ? Uint8Array | null
        : T extends 'ustring'
          ? string
          : T extends { readonly vector: infer E }
            ? JuteValue<E>[]
            : T extends { readonly record: infer R extends RecordName }
              ? RecordValue<R>
              : never;

export type RecordValue<R extends RecordName> = {
  -readonly [F in (typeof records)[R][number] as F[0]]: JuteValue<F[1]>;
};
