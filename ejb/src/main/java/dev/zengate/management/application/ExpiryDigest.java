package dev.zengate.management.application;

import java.util.Comparator;
import java.util.List;

/**
 * The e-mail of one watch run for one recipient: every certificate due for them, soonest expiry
 * first, in Japanese or English. Plain text, so any mail client shows it the same.
 */
public record ExpiryDigest(String subject, String body) {

  public static ExpiryDigest render(String language, List<CertificateNotification> due) {
    List<CertificateNotification> sorted =
        due.stream()
            .sorted(
                Comparator.comparing(CertificateNotification::notAfter)
                    .thenComparing(CertificateNotification::id))
            .toList();
    boolean anyExpired = sorted.stream().anyMatch(CertificateNotification::expired);
    Words w = "en".equals(language) ? Words.EN : Words.JA;
    String subject =
        "[Zengate] " + (anyExpired ? w.subjectExpired : w.subjectExpiring) + w.count(sorted.size());
    StringBuilder body = new StringBuilder(w.intro(sorted.size())).append("\n\n");
    int n = 1;
    for (CertificateNotification c : sorted) {
      body.append(n++).append(". ").append(c.subject()).append('\n');
      line(body, w.pair, c.pairName() == null ? w.noPair : c.pairName());
      line(body, w.usage, c.usage());
      line(body, w.notAfter, c.notAfter().toString());
      line(body, w.daysLeft, c.expired() ? w.expiredDays(-c.daysLeft()) : w.days(c.daysLeft()));
      line(body, w.serial, c.serial());
      line(body, "SHA-256", c.certificateSha256());
      body.append('\n');
    }
    body.append(w.footer).append('\n');
    return new ExpiryDigest(subject, body.toString());
  }

  private static void line(StringBuilder body, String label, String value) {
    body.append("   ").append(label).append(": ").append(value).append('\n');
  }

  /** The words of one language. */
  private enum Words {
    JA(
        "証明書の有効期限切れ・期限間近",
        "証明書の有効期限が近づいています",
        "ペア",
        "(ペアなし)",
        "使用箇所",
        "有効期限 (notAfter)",
        "残り日数",
        "シリアル番号",
        "この通知は Zengate の証明書監視が送りました。設定はコンソールの「証明書の有効期限」画面で変更できます。"),
    EN(
        "Certificates expired or expiring",
        "Certificates expiring soon",
        "Pair",
        "(no pair)",
        "Used by",
        "Expires (notAfter)",
        "Days left",
        "Serial number",
        "Sent by Zengate's certificate watch; change its settings on the console's certificate"
            + " expiry screen.");

    final String subjectExpired;
    final String subjectExpiring;
    final String pair;
    final String noPair;
    final String usage;
    final String notAfter;
    final String daysLeft;
    final String serial;
    final String footer;

    Words(
        String subjectExpired,
        String subjectExpiring,
        String pair,
        String noPair,
        String usage,
        String notAfter,
        String daysLeft,
        String serial,
        String footer) {
      this.subjectExpired = subjectExpired;
      this.subjectExpiring = subjectExpiring;
      this.pair = pair;
      this.noPair = noPair;
      this.usage = usage;
      this.notAfter = notAfter;
      this.daysLeft = daysLeft;
      this.serial = serial;
      this.footer = footer;
    }

    String count(int n) {
      return this == JA ? " (" + n + " 件)" : " (" + n + ")";
    }

    String intro(int n) {
      return this == JA
          ? "Zengate の証明書監視が、有効期限が近い、または切れた証明書を " + n + " 件検出しました。"
          : "Zengate's certificate watch found "
              + n
              + (n == 1 ? " certificate" : " certificates")
              + " expiring soon or expired.";
    }

    String days(int n) {
      return this == JA ? n + " 日" : n == 1 ? "1 day" : n + " days";
    }

    String expiredDays(int n) {
      return this == JA
          ? "期限切れ (" + n + " 日経過)"
          : "EXPIRED (" + (n == 1 ? "1 day" : n + " days") + " ago)";
    }
  }
}
