/**
 * One GroupCoordinator per broker, created on the first group request (or
 * earlier, with settings, by whoever starts the broker) and closed with it.
 */
import type { Broker, RequestContext } from '../handler.js';
import type { GroupCoordinatorConfig } from './config.js';
import { GroupCoordinator } from './coordinator.js';
import { GroupConfigError } from './errors.js';

const GROUP_COORDINATOR = Symbol('kafka.groupCoordinator');

function create(broker: Broker, config: Partial<GroupCoordinatorConfig>): GroupCoordinator {
  const coordinator = new GroupCoordinator({ log: broker.log, logger: broker.logger, config });
  broker.onClose(() => coordinator.close());
  return coordinator;
}

export function groupCoordinatorOf(broker: Broker): GroupCoordinator {
  return broker.shared(GROUP_COORDINATOR, (b) => create(b, {}));
}

/**
 * Creates the broker's coordinator with these settings (Kafka's
 * group.min/max.session.timeout.ms, group.initial.rebalance.delay.ms, …).
 * Call it right after the server starts, before any client joins a group.
 */
export function installGroupCoordinator(broker: Broker, config: Partial<GroupCoordinatorConfig>): GroupCoordinator {
  let created = false;
  const coordinator = broker.shared(GROUP_COORDINATOR, (b) => {
    created = true;
    return create(b, config);
  });
  if (!created) throw new GroupConfigError('the group coordinator already runs; install it before the first group request');
  return coordinator;
}

/** Kafka's form of a member's host in DescribeGroups: `/127.0.0.1` */
export function clientHostOf(ctx: RequestContext): string {
  return `/${ctx.connection.remoteAddress.replace(/^::ffff:/, '')}`;
}

/** byte fields of a decoded request are views into the frame; what outlives the request is copied */
export function ownBytes(b: Uint8Array): Uint8Array {
  return new Uint8Array(b);
}
