package dev.zengate.bundle.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One RFC 5424 message: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] BOM MSG}, with
 * one structured-data element. Header fields are cut to the RFC's lengths and limited to printable
 * US-ASCII; SD parameter values are escaped ({@code " \ ]}); the free-form text is UTF-8 with a
 * BOM.
 */
public final class SyslogMessage {

  /** local0, the facility appliances log to by default. */
  public static final int LOCAL0 = 16;

  public static final int ERROR = 3;
  public static final int WARNING = 4;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final int facility;
  private final int severity;
  private final Instant timestamp;
  private final String hostname;
  private final String appName;
  private final String msgId;
  private final String sdId;
  private final Map<String, String> params;
  private final String text;

  public SyslogMessage(
      int facility,
      int severity,
      Instant timestamp,
      String hostname,
      String appName,
      String msgId,
      String sdId,
      Map<String, String> params,
      String text) {
    this.facility = facility;
    this.severity = severity;
    this.timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    this.hostname = header(hostname, 255);
    this.appName = header(appName, 48);
    this.msgId = header(msgId, 32);
    this.sdId = sdName(sdId);
    this.params = new LinkedHashMap<>();
    params.forEach((name, value) -> this.params.put(sdName(name), value == null ? "" : value));
    this.text = text;
  }

  /** The message as sent, without any transport framing. */
  public byte[] bytes() {
    StringBuilder head = new StringBuilder();
    head.append('<').append(facility * 8 + severity).append(">1 ");
    head.append(timestamp).append(' ');
    head.append(hostname).append(' ').append(appName).append(" - ").append(msgId).append(' ');
    head.append('[').append(sdId);
    params.forEach(
        (name, value) ->
            head.append(' ').append(name).append("=\"").append(escape(value)).append('"'));
    head.append(']');
    byte[] header = head.toString().getBytes(StandardCharsets.UTF_8);
    if (text == null || text.isEmpty()) {
      return header;
    }
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[header.length + 1 + BOM.length + body.length];
    System.arraycopy(header, 0, all, 0, header.length);
    all[header.length] = ' ';
    System.arraycopy(BOM, 0, all, header.length + 1, BOM.length);
    System.arraycopy(body, 0, all, header.length + 1 + BOM.length, body.length);
    return all;
  }

  /** RFC 6587 octet counting: {@code MSG-LEN SP SYSLOG-MSG}. */
  public byte[] octetCounted() {
    byte[] message = bytes();
    byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] framed = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, framed, 0, prefix.length);
    System.arraycopy(message, 0, framed, prefix.length, message.length);
    return framed;
  }

  /** PRINTUSASCII (33-126), at most {@code max} characters, "-" when nothing is left. */
  static String header(String value, int max) {
    StringBuilder out = new StringBuilder();
    if (value != null) {
      for (int i = 0; i < value.length() && out.length() < max; i++) {
        char c = value.charAt(i);
        if (c >= 33 && c <= 126) {
          out.append(c);
        }
      }
    }
    return out.length() == 0 ? "-" : out.toString();
  }

  /** SD-NAME: PRINTUSASCII except '=', SP, ']', '"', 1-32 characters ("@" allowed in SD-IDs). */
  static String sdName(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < 32; i++) {
      char c = value.charAt(i);
      if (c >= 33 && c <= 126 && c != '=' && c != ']' && c != '"') {
        out.append(c);
      }
    }
    if (out.length() == 0) {
      throw new IllegalArgumentException("empty SD-NAME from '" + value + "'");
    }
    return out.toString();
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c == ']') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
