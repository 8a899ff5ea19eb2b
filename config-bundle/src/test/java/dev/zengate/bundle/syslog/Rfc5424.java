package dev.zengate.bundle.syslog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict parser of RFC 5424 syslog messages, written from the RFC's ABNF (section 6): every field
 * checked for its characters and length, the timestamp for RFC 3339 with at most six fraction
 * digits, SD-PARAM values unescaped, the message decoded as UTF-8 (strictly) when it starts with
 * the BOM. Anything else is refused with the offset and the rule it breaks.
 */
public final class Rfc5424 {

  public record Message(
      int facility,
      int severity,
      int version,
      String timestamp,
      String hostname,
      String appName,
      String procId,
      String msgId,
      Map<String, Map<String, String>> structuredData,
      String msg,
      boolean utf8) {

    public String param(String sdId, String name) {
      Map<String, String> element = structuredData.get(sdId);
      return element == null ? null : element.get(name);
    }
  }

  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private static final Pattern FULL_DATE_TIME =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})");

  private final byte[] in;
  private int at;

  private Rfc5424(byte[] in) {
    this.in = in;
  }

  public static Message parse(byte[] message) {
    return new Rfc5424(message).message();
  }

  /** RFC 6587 octet counting: the frames in {@code stream} (complete ones only, else refused). */
  public static List<byte[]> octetCountedFrames(byte[] stream) {
    List<byte[]> frames = new ArrayList<>();
    int i = 0;
    while (i < stream.length) {
      int start = i;
      if (stream[i] < '1' || stream[i] > '9') {
        throw new Malformed("MSG-LEN must start with a non-zero digit at " + i);
      }
      while (i < stream.length && stream[i] >= '0' && stream[i] <= '9') {
        i++;
      }
      if (i >= stream.length || stream[i] != ' ' || i - start > 9) {
        throw new Malformed("MSG-LEN SP expected at " + start);
      }
      int length =
          Integer.parseInt(new String(stream, start, i - start, StandardCharsets.US_ASCII));
      i++;
      if (i + length > stream.length) {
        throw new Malformed("frame at " + start + " is cut short");
      }
      byte[] frame = new byte[length];
      System.arraycopy(stream, i, frame, 0, length);
      frames.add(frame);
      i += length;
    }
    return frames;
  }

  private Message message() {
    expect('<', "PRI");
    int start = at;
    while (at < in.length && in[at] >= '0' && in[at] <= '9') {
      at++;
    }
    if (at == start || at - start > 3) {
      throw fail("PRIVAL is 1-3 digits");
    }
    int prival = Integer.parseInt(ascii(start, at));
    if (prival > 191 || (at - start > 1 && in[start] == '0')) {
      throw fail("PRIVAL " + prival + " is outside 0-191");
    }
    expect('>', "PRI");
    start = at;
    if (at >= in.length || in[at] < '1' || in[at] > '9') {
      throw fail("VERSION starts with a non-zero digit");
    }
    while (at < in.length && in[at] >= '0' && in[at] <= '9' && at - start < 3) {
      at++;
    }
    int version = Integer.parseInt(ascii(start, at));
    if (version != 1) {
      throw fail("VERSION " + version + " is not 1");
    }
    space();
    String timestamp = token(Integer.MAX_VALUE, "TIMESTAMP");
    if (!"-".equals(timestamp)) {
      if (!FULL_DATE_TIME.matcher(timestamp).matches()) {
        throw fail("TIMESTAMP '" + timestamp + "' is not RFC 3339 as RFC 5424 restricts it");
      }
      try {
        OffsetDateTime.parse(timestamp);
      } catch (DateTimeParseException e) {
        throw fail("TIMESTAMP '" + timestamp + "' is not a date and time");
      }
    }
    space();
    String hostname = token(255, "HOSTNAME");
    space();
    String appName = token(48, "APP-NAME");
    space();
    String procId = token(128, "PROCID");
    space();
    String msgId = token(32, "MSGID");
    space();
    Map<String, Map<String, String>> sd = new LinkedHashMap<>();
    if (at < in.length && in[at] == '-') {
      at++;
    } else {
      if (at >= in.length || in[at] != '[') {
        throw fail("STRUCTURED-DATA is '-' or SD-ELEMENTs");
      }
      while (at < in.length && in[at] == '[') {
        at++;
        String id = sdName("SD-ID");
        if (sd.containsKey(id)) {
          throw fail("SD-ID " + id + " appears twice");
        }
        Map<String, String> params = new LinkedHashMap<>();
        while (at < in.length && in[at] == ' ') {
          at++;
          String name = sdName("PARAM-NAME");
          expect('=', "SD-PARAM");
          expect('"', "PARAM-VALUE");
          params.put(name, paramValue());
        }
        expect(']', "SD-ELEMENT");
        sd.put(id, params);
      }
    }
    String msg = null;
    boolean utf8 = false;
    if (at < in.length) {
      space();
      if (in.length - at >= 3
          && (in[at] & 0xFF) == 0xEF
          && (in[at + 1] & 0xFF) == 0xBB
          && (in[at + 2] & 0xFF) == 0xBF) {
        utf8 = true;
        msg = strictUtf8(at + 3, in.length);
      } else {
        msg = new String(in, at, in.length - at, StandardCharsets.ISO_8859_1);
      }
      at = in.length;
    }
    return new Message(
        prival / 8,
        prival % 8,
        version,
        timestamp,
        hostname,
        appName,
        procId,
        msgId,
        sd,
        msg,
        utf8);
  }

  private String token(int max, String rule) {
    int start = at;
    while (at < in.length && in[at] >= 33 && in[at] <= 126) {
      at++;
    }
    if (at == start || at - start > max) {
      throw fail(rule + " is 1-" + max + " printable US-ASCII characters");
    }
    return ascii(start, at);
  }

  private String sdName(String rule) {
    int start = at;
    while (at < in.length
        && in[at] >= 33
        && in[at] <= 126
        && in[at] != '='
        && in[at] != ']'
        && in[at] != '"') {
      at++;
    }
    if (at == start || at - start > 32) {
      throw fail(rule + " is 1-32 characters of SD-NAME");
    }
    return ascii(start, at);
  }

  private String paramValue() {
    java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream();
    while (true) {
      if (at >= in.length) {
        throw fail("PARAM-VALUE is not closed");
      }
      byte b = in[at];
      if (b == '"') {
        at++;
        break;
      }
      if (b == ']') {
        throw fail("']' inside PARAM-VALUE must be escaped");
      }
      if (b == '\\'
          && at + 1 < in.length
          && (in[at + 1] == '"' || in[at + 1] == '\\' || in[at + 1] == ']')) {
        value.write(in[at + 1]);
        at += 2;
        continue;
      }
      value.write(b);
      at++;
    }
    byte[] bytes = value.toByteArray();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail("PARAM-VALUE is not UTF-8");
    }
  }

  private String strictUtf8(int from, int to) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail("MSG-UTF8 is not UTF-8");
    }
  }

  private void space() {
    expect(' ', "SP");
  }

  private void expect(char c, String rule) {
    if (at >= in.length || in[at] != c) {
      throw fail(rule + ": '" + c + "' expected");
    }
    at++;
  }

  private String ascii(int from, int to) {
    return new String(in, from, to - from, StandardCharsets.US_ASCII);
  }

  private Malformed fail(String why) {
    return new Malformed(why + " (at octet " + at + ")");
  }
}
