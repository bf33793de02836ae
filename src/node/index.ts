/**
 * Adapters for Node's own HTTP server. The only entry (with ./testing) that uses Node
 * built-ins; everything else runs in any runtime with fetch.
 *
 * @module @org/ocpi/node
 */
export { lookupHostAddresses } from './lookup-host-addresses';
export { type NodeListenerOptions, toNodeListener, type WebHandler } from './to-node-listener';
