/**
 * The WOPI protocol engine: it turns a parsed request into a response using only the ports of
 * {@link org.wopihost.spi}. It knows the operations, their lock rules and their error codes; it
 * knows nothing of servlets or of the platform behind the ports.
 */
package org.wopihost.engine;
