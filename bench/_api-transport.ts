/**
 * Paths the API bench's server (bench/_api-server.ts) answers itself, outside /api/v1, with no API
 * layer behind them: the floor the transport sets under any answer, measured beside the API.
 */
export const TRANSPORT_PATHS = { bare: "/bench/transport", database: "/bench/transport-db" } as const;
