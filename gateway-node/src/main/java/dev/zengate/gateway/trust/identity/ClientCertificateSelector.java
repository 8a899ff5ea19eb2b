package dev.zengate.gateway.trust.identity;

import java.net.InetAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * Chooses the certificate a virtual client presents (F5, and the gateway's own identity for
 * internal clients without one, F13): the first rule matching the connection's destination and
 * source addresses, else the first certificate whose chain was issued under one of the CA names of
 * the server's CertificateRequest, else none. Works as the key manager of both TLS providers; the
 * proxy tells it each engine's addresses with {@link #bind} before the handshake.
 */
public final class ClientCertificateSelector extends X509ExtendedKeyManager {

  /** A presentable certificate: chain (leaf first) and key. */
  public record Identity(List<X509Certificate> chain, PrivateKey key) {
    public Identity {
      chain = List.copyOf(chain);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("an identity needs a certificate");
      }
    }
  }

  private record Route(InetAddress destination, InetAddress source) {}

  private final Map<String, Identity> identities;
  private final List<ClientCertificateRule> rules;
  private final String fallback;
  private final boolean automatic;
  private final Map<SSLEngine, Route> routes = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * @param identities the certificates by name, in preference order for automatic choice
   * @param rules the table, first match wins; every rule must name a known certificate
   * @param fallback the certificate presented when no rule matches, or null
   * @param automatic whether to choose from the CertificateRequest when neither a rule nor the
   *     fallback applies
   */
  public ClientCertificateSelector(
      Map<String, Identity> identities,
      List<ClientCertificateRule> rules,
      String fallback,
      boolean automatic) {
    this.identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
    this.automatic = automatic;
    if (fallback != null && !this.identities.containsKey(fallback)) {
      throw new IllegalArgumentException("unknown client certificate '" + fallback + "'");
    }
    for (ClientCertificateRule rule : this.rules) {
      if (!this.identities.containsKey(rule.certificate())) {
        throw new IllegalArgumentException(
            "client certificate rule names unknown certificate '" + rule.certificate() + "'");
      }
    }
  }

  /** Whether connections to the same target may present different certificates. */
  public boolean variesPerConnection() {
    return !rules.isEmpty();
  }

  /** Records the addresses of the connection an engine serves, for rule matching. */
  public void bind(SSLEngine engine, InetAddress destination, InetAddress source) {
    routes.put(engine, new Route(destination, source));
  }

  /**
   * The certificate name for a connection: a matching rule, else the fallback, else automatic
   * choice among {@code issuers} (the CertificateRequest's CA names; empty means any), else null.
   */
  public String choose(
      InetAddress destination, InetAddress source, Set<X500Principal> issuers, String keyType) {
    for (ClientCertificateRule rule : rules) {
      if (rule.matches(destination, source)) {
        return rule.certificate();
      }
    }
    if (fallback != null) {
      return fallback;
    }
    if (!automatic) {
      return null;
    }
    for (var entry : identities.entrySet()) {
      Identity identity = entry.getValue();
      if (keyType != null && !keyTypeMatches(identity, keyType)) {
        continue;
      }
      if (issuers.isEmpty() || issuedUnder(identity, issuers)) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static boolean issuedUnder(Identity identity, Set<X500Principal> issuers) {
    for (X509Certificate cert : identity.chain()) {
      if (issuers.contains(cert.getIssuerX500Principal())
          || issuers.contains(cert.getSubjectX500Principal())) {
        return true;
      }
    }
    return false;
  }

  private static boolean keyTypeMatches(Identity identity, String keyType) {
    String algorithm = identity.key().getAlgorithm();
    String wanted = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType;
    return wanted.equalsIgnoreCase(algorithm)
        || (wanted.equalsIgnoreCase("EC") && algorithm.equalsIgnoreCase("ECDSA"))
        || (wanted.equalsIgnoreCase("RSASSA-PSS") && algorithm.equalsIgnoreCase("RSA"));
  }

  private static Set<X500Principal> principals(Principal[] issuers) {
    if (issuers == null) {
      return Set.of();
    }
    Set<X500Principal> set = new java.util.HashSet<>();
    for (Principal p : issuers) {
      if (p instanceof X500Principal x500) {
        set.add(x500);
      } else if (p != null) {
        set.add(new X500Principal(p.getName()));
      }
    }
    return set;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    Route route = engine == null ? null : routes.get(engine);
    InetAddress destination = route != null ? route.destination() : literal(engine);
    InetAddress source = route != null ? route.source() : null;
    Set<X500Principal> names = principals(issuers);
    for (String keyType : keyTypes == null ? new String[] {null} : keyTypes) {
      String chosen = choose(destination, source, names, keyType);
      if (chosen != null) {
        return chosen;
      }
    }
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    InetAddress destination = socket == null ? null : socket.getInetAddress();
    InetAddress source = socket == null ? null : socket.getLocalAddress();
    Set<X500Principal> names = principals(issuers);
    for (String keyType : keyTypes == null ? new String[] {null} : keyTypes) {
      String chosen = choose(destination, source, names, keyType);
      if (chosen != null) {
        return chosen;
      }
    }
    return null;
  }

  private static InetAddress literal(SSLEngine engine) {
    if (engine == null || engine.getPeerHost() == null) {
      return null;
    }
    String host = engine.getPeerHost();
    if (!dev.zengate.gateway.trust.HostNames.isIpLiteral(host)) {
      return null;
    }
    try {
      return InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    Set<X500Principal> names = principals(issuers);
    List<String> aliases = new ArrayList<>();
    for (var entry : identities.entrySet()) {
      if (keyTypeMatches(entry.getValue(), keyType)
          && (names.isEmpty() || issuedUnder(entry.getValue(), names))) {
        aliases.add(entry.getKey());
      }
    }
    return aliases.isEmpty() ? null : aliases.toArray(String[]::new);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Identity identity = identities.get(alias);
    return identity == null ? null : identity.chain().toArray(X509Certificate[]::new);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Identity identity = identities.get(alias);
    return identity == null ? null : identity.key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
