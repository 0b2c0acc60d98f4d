/** Error codes of the shared wire layer (frame splitting and byte reading), GALE_ERR_WIRE_*. */
export const wireErrors = {
  GALE_ERR_WIRE_FRAME_TOO_LARGE: 'a frame whose declared size is above the server limit; that connection is closed',
  GALE_ERR_WIRE_BAD_FRAME: 'a frame with a negative size prefix; that connection is closed',
  GALE_ERR_WIRE_SHORT_BUFFER: 'a frame shorter than its fields claim (truncated or lying lengths)',
} as const;

export type WireErrorCode = keyof typeof wireErrors;
