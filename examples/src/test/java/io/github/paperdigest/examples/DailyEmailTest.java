package io.github.paperdigest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DailyEmail against an embedded GreenMail SMTP server, on the recorded Hugging Face day 2025-10-03
 * (39 papers): what arrives, that a second run sends nothing, and that a failed send delivers
 * nothing.
 */
final class DailyEmailTest {
  private static final LocalDate DAY = LocalDate.of(2025, 10, 3);
  private static final String PASSWORD = "s3cret-Pa55";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("bot@example.org", "bot", PASSWORD));

  @TempDir Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private DailyEmail.Settings settings(int port) {
    Properties p = new Properties();
    p.setProperty("paperdigest.mail.host", "127.0.0.1");
    p.setProperty("paperdigest.mail.port", Integer.toString(port));
    p.setProperty("paperdigest.mail.tls", "none"); // GreenMail's plain SMTP, on loopback
    p.setProperty("paperdigest.mail.user", "bot");
    p.setProperty("paperdigest.mail.from", "PaperDigest <bot@example.org>");
    p.setProperty("paperdigest.mail.to", "lab@example.org, ada@example.org");
    p.setProperty("paperdigest.mail.state", dir.resolve("daily.state").toString());
    return DailyEmail.Settings.of(p, Map.of(DailyEmail.PASSWORD_VARIABLE, PASSWORD));
  }

  private int run(DailyEmail.Settings settings) throws MessagingException {
    try (PaperDigest client = Examples.client(new String[] {"--offline"})) {
      return DailyEmail.run(
          client, settings, DAY, new PrintStream(log, true, StandardCharsets.UTF_8));
    }
  }

  private static List<Paper> day() {
    try (PaperDigest client = Examples.client(new String[] {"--offline"})) {
      return client.digest("hf-daily").on(DAY).papers();
    }
  }

  @Test
  void sendsEveryPaperOnceAsHtmlWithATextPart() throws Exception {
    DailyEmail.Settings settings = settings(SMTP.getSmtp().getPort());
    assertThat(run(settings)).isEqualTo(39);

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("Daily Papers 2025-10-03: 39 new papers");
    assertThat(m.getFrom()[0].toString()).isEqualTo("PaperDigest <bot@example.org>");
    assertThat(m.getAllRecipients()).hasSize(2);
    Multipart parts = (Multipart) m.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").contains("UTF-8");
    assertThat(html.getContentType()).startsWith("text/html").contains("UTF-8");

    String plain = (String) text.getContent();
    Document doc = Jsoup.parse((String) html.getContent());
    List<String> titles = doc.select("div.paper h2").eachText();
    List<Paper> papers = day();
    assertThat(titles).hasSize(39);
    for (Paper p : papers) {
      assertThat(plain).contains(p.title());
      assertThat(titles).contains(p.title());
    }
    // most upvoted first, as the page shows them
    assertThat(titles.get(0))
        .isEqualTo("Self-Forcing++: Towards Minute-Scale High-Quality Video Generation");
    assertThat(doc.select("script, img, link[rel=stylesheet]")).isEmpty();

    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Sent Daily Papers 2025-10-03: 39 new papers to 2 recipient(s).")
        .doesNotContain(PASSWORD);
    assertThat(settings.toString()).doesNotContain(PASSWORD);

    // the second run of the day sends nothing
    assertThat(run(settings)).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("Nothing new");
  }

  @Test
  void aFailedSendDeliversNothingSoTheNextRunSendsAgain() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort(); // nothing listens there once closed
    }
    assertThatThrownBy(() -> run(settings(closed))).isInstanceOf(MessagingException.class);
    assertThat(SMTP.getReceivedMessages()).isEmpty();

    assertThat(run(settings(SMTP.getSmtp().getPort()))).isEqualTo(39);
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aWrongPasswordIsRefusedAndNothingIsDelivered() throws Exception {
    Properties p = new Properties();
    p.setProperty("paperdigest.mail.host", "127.0.0.1");
    p.setProperty("paperdigest.mail.port", Integer.toString(SMTP.getSmtp().getPort()));
    p.setProperty("paperdigest.mail.tls", "none");
    p.setProperty("paperdigest.mail.user", "bot");
    p.setProperty("paperdigest.mail.from", "bot@example.org");
    p.setProperty("paperdigest.mail.to", "lab@example.org");
    p.setProperty("paperdigest.mail.state", dir.resolve("wrong.state").toString());
    DailyEmail.Settings wrong =
        DailyEmail.Settings.of(p, Map.of(DailyEmail.PASSWORD_VARIABLE, "not-it"));
    assertThatThrownBy(() -> run(wrong)).isInstanceOf(MessagingException.class);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void settingsAreCheckedAndNameWhatIsWrong() {
    Properties p = new Properties();
    assertThatThrownBy(() -> DailyEmail.Settings.of(p, Map.of()))
        .hasMessageContaining("paperdigest.mail.host");
    p.setProperty("paperdigest.mail.host", "smtp.example.org");
    p.setProperty("paperdigest.mail.from", "bot@example.org");
    p.setProperty("paperdigest.mail.to", "lab@example.org");
    p.setProperty("paperdigest.mail.user", "bot");
    assertThatThrownBy(() -> DailyEmail.Settings.of(p, Map.of()))
        .hasMessageContaining(DailyEmail.PASSWORD_VARIABLE);
    p.setProperty("paperdigest.mail.tls", "maybe");
    assertThatThrownBy(() -> DailyEmail.Settings.of(p, Map.of("x", "y")))
        .hasMessageContaining("starttls, ssl or none");
    p.remove("paperdigest.mail.tls");
    p.remove("paperdigest.mail.user");
    p.setProperty("paperdigest.mail.to", "not an address");
    assertThatThrownBy(() -> DailyEmail.Settings.of(p, Map.of()))
        .hasMessageContaining("paperdigest.mail.to");
    p.setProperty("paperdigest.mail.to", "lab@example.org");
    DailyEmail.Settings ok = DailyEmail.Settings.of(p, Map.of());
    assertThat(ok.port()).isEqualTo(587);
    assertThat(ok.tls()).isEqualTo("starttls");
  }
}
