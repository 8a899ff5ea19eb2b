package dev.zengate.gateway.proxy;

import dev.zengate.gateway.trust.HostNames;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Creates the TLS handler of an outgoing connection. */
final class OriginationHandlers {

  private OriginationHandlers() {}

  static SslHandler create(ListenerSettings settings, Channel channel, Executor tasks) {
    boolean identityVaries =
        settings.upstreamIdentity() != null && settings.upstreamIdentity().variesPerConnection();
    // A resumed session skips certificate validation: a target revoked since would still be let in.
    boolean checksRevocation = settings.upstreamRevocation() != null;
    if (identityVaries || checksRevocation) {
      return withoutResumption(settings, channel, tasks);
    }
    return settings
        .upstreamContext()
        .newHandler(channel.alloc(), settings.upstreamPeerName(), settings.target().port(), tasks);
  }

  /**
   * Both providers resume client sessions by target host and port, and a resumed session carries
   * the identity of the connection that created it (an internal client would be presented to the
   * partner with another client's certificate) and skips the revocation check. In those cases the
   * engine gets no peer host (so no session is looked up) and SNI is set explicitly; the server
   * name is checked by the gateway's own validator, not the engine.
   */
  private static SslHandler withoutResumption(
      ListenerSettings settings, Channel channel, Executor tasks) {
    SslHandler handler = settings.upstreamContext().newHandler(channel.alloc(), tasks);
    String peerName = settings.upstreamPeerName();
    if (!HostNames.isIpLiteral(peerName)) {
      SSLEngine engine = handler.engine();
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(peerName)));
      engine.setSSLParameters(parameters);
    }
    return handler;
  }
}
