/**
 * The ZeroMQ transport on JeroMQ: one endpoint per process with an I/O thread, message
 * framing, authentication of every connection (CURVE keys or the cluster token, through a
 * ZAP handler), and the {@code dev.tfe.runtime.Transport} each party's executor uses.
 */
package dev.tfe.launcher.net;
