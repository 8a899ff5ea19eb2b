/**
 * The web console's server side: the single-page application's HTML for every console address, and
 * the security headers of every answer. The console itself (TypeScript, {@code src/main/console})
 * is a client of the REST API like any script.
 */
package dev.zengate.management.interfaces.console;
