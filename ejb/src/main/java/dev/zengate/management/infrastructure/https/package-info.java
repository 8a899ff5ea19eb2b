/**
 * The management server's own HTTPS listener: its certificate (given by the operator or generated
 * under a local CA) and the Payara configuration that serves it. Used before the server starts, by
 * {@code dev.zengate.management.tools.HttpsSetup}.
 */
package dev.zengate.management.infrastructure.https;
