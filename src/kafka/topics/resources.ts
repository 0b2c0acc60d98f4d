/** Config resources as the config APIs name them (ConfigResource.Type codes). */
export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

export const BROKER_CONFIGS_ARE_STATIC = 'only topic configs can be altered; broker configs are set when gale serve starts';
