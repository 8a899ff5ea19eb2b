/**
 * Trust decisions of the gateway node, the same for both directions and both TLS providers.
 *
 * <ul>
 *   <li>{@link dev.zengate.gateway.trust.PathValidator}: chain building and RFC 5280 checks with a
 *       plain-words reason for every rejection; {@link
 *       dev.zengate.gateway.trust.ValidatingTrustManager} puts it into a TLS engine.
 *   <li>{@code revocation}: OCSP and CRL checking under a listener's {@link
 *       dev.zengate.gateway.trust.revocation.RevocationPolicy}, with source health for status.
 *   <li>{@code identity}: which client certificate a virtual client presents (rules, then the
 *       server's CertificateRequest).
 *   <li>{@code cli}: {@code zengate-gateway verify}, the validator on files for operators.
 * </ul>
 */
package dev.zengate.gateway.trust;
