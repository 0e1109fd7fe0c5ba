package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.render.Format;
import io.github.paperdigest.render.Listing;
import io.github.paperdigest.watch.Watch;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Hugging Face's daily papers by e-mail, each paper once: watch the day's list (optionally enriched
 * with arXiv), render the new papers as an HTML e-mail with a plain-text part, send it over SMTP
 * with Jakarta Mail (Eclipse Angus), and only then record them as delivered. A second run on the
 * same day sends nothing; a run that fails to send delivers nothing, so the next one sends again.
 *
 * <pre>
 * export PAPERDIGEST_MAIL_PASSWORD=...   # never on the command line, never logged
 * java -cp examples/target/paperdigest.jar io.github.paperdigest.examples.DailyEmail \
 *     --config mail.properties [--date 2025-10-03] [--offline]
 * </pre>
 *
 * Settings come from the {@code --config} file, overridden by system properties of the same name:
 *
 * <ul>
 *   <li>{@code paperdigest.mail.host} (required), {@code paperdigest.mail.port} (587);
 *   <li>{@code paperdigest.mail.tls}: {@code starttls} (required, the default), {@code ssl} or
 *       {@code none} (a local relay only);
 *   <li>{@code paperdigest.mail.user}: log in as this user, with the password in the environment
 *       variable {@code PAPERDIGEST_MAIL_PASSWORD};
 *   <li>{@code paperdigest.mail.from}, {@code paperdigest.mail.to} (comma-separated) (required);
 *   <li>{@code paperdigest.mail.state}: the watch's state file ({@code daily-email.state});
 *   <li>{@code paperdigest.mail.enrich}: a source to complete papers with, e.g. {@code arxiv};
 *   <li>{@code paperdigest.mail.min-upvotes}: leave out papers with fewer upvotes.
 * </ul>
 */
public final class DailyEmail {
  /** The environment variable holding the SMTP password. */
  public static final String PASSWORD_VARIABLE = "PAPERDIGEST_MAIL_PASSWORD";

  private static final String PREFIX = "paperdigest.mail.";

  /** Every wait on the SMTP server ends: connect, read and write, each at most 30 s. */
  private static final String TIMEOUT_MILLIS = "30000";

  private DailyEmail() {}

  /** What to send, where, and how to log in. The password never appears in its text. */
  record Settings(
      String host,
      int port,
      String tls,
      @Nullable String user,
      @Nullable String password,
      InternetAddress from,
      List<InternetAddress> to,
      Path state,
      @Nullable String enrich,
      @Nullable Integer minUpvotes) {

    /**
     * The settings in {@code properties}, the password from {@code environment}.
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    static Settings of(Properties properties, Map<String, String> environment) {
      String host = required(properties, "host");
      String tls = properties.getProperty(PREFIX + "tls", "starttls").toLowerCase(Locale.ROOT);
      if (!List.of("starttls", "ssl", "none").contains(tls)) {
        throw new IllegalArgumentException(
            PREFIX + "tls must be starttls, ssl or none, not '" + tls + "'");
      }
      int port = integer(properties, "port", tls.equals("ssl") ? 465 : 587);
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(PREFIX + "port must be 1 to 65535, not " + port);
      }
      String user = properties.getProperty(PREFIX + "user");
      String password = null;
      if (user != null) {
        password = environment.get(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
          throw new IllegalArgumentException(
              PREFIX
                  + "user is set: put the password in the environment variable "
                  + PASSWORD_VARIABLE);
        }
      }
      String minUpvotes = properties.getProperty(PREFIX + "min-upvotes");
      return new Settings(
          host,
          port,
          tls,
          user,
          password,
          address(required(properties, "from"), "from"),
          addresses(required(properties, "to")),
          Path.of(properties.getProperty(PREFIX + "state", "daily-email.state")),
          properties.getProperty(PREFIX + "enrich"),
          minUpvotes == null ? null : integer(properties, "min-upvotes", 0));
    }

    @Override
    public String toString() {
      return "Settings[" + user + "@" + host + ":" + port + " (" + tls + "), to " + to + "]";
    }

    private static String required(Properties p, String name) {
      String value = p.getProperty(PREFIX + name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("Missing setting " + PREFIX + name);
      }
      return value.strip();
    }

    private static int integer(Properties p, String name, int otherwise) {
      String value = p.getProperty(PREFIX + name);
      try {
        return value == null ? otherwise : Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PREFIX + name + " is not a number: '" + value + "'", e);
      }
    }

    private static InternetAddress address(String text, String name) {
      try {
        InternetAddress a = new InternetAddress(text, true);
        a.validate();
        return a;
      } catch (AddressException e) {
        throw new IllegalArgumentException(PREFIX + name + ": " + e.getMessage(), e);
      }
    }

    private static List<InternetAddress> addresses(String text) {
      return List.of(text.split(",")).stream().map(a -> address(a.strip(), "to")).toList();
    }
  }

  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    List<String> rest = Examples.arguments(args);
    LocalDate date = null;
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).equals("--config") && i + 1 < rest.size()) {
        try (InputStream in = Files.newInputStream(Path.of(rest.get(++i)))) {
          properties.load(in);
        }
      } else if (rest.get(i).equals("--date") && i + 1 < rest.size()) {
        date = LocalDate.parse(rest.get(++i));
      } else {
        System.err.println("usage: DailyEmail --config FILE [--date YYYY-MM-DD] [--offline]");
        System.exit(2);
      }
    }
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(PREFIX))
        .forEach(name -> properties.setProperty(name, System.getProperty(name)));
    Settings settings = Settings.of(properties, System.getenv());
    try (PaperDigest client = Examples.client(args)) {
      run(client, settings, date, System.out);
    } catch (MessagingException | PaperDigestException e) {
      System.err.println("DailyEmail: not sent (nothing recorded as delivered): " + e.getMessage());
      System.exit(4);
    }
  }

  /**
   * Sends the papers of the day ({@code date}, or the latest) not sent before; returns how many.
   *
   * @throws MessagingException if the message cannot be sent (then nothing is recorded as sent)
   */
  static int run(PaperDigest client, Settings settings, @Nullable LocalDate date, PrintStream log)
      throws MessagingException {
    var query = client.digest("hf-daily").sortBy(Sort.MOST_UPVOTED);
    if (settings.minUpvotes() != null) {
      query = query.minUpvotes(settings.minUpvotes());
    }
    Digest digest = query.period(date == null ? DigestPeriod.latest() : DigestPeriod.day(date));
    if (settings.enrich() != null) {
      digest = client.enrich(digest, settings.enrich());
    }
    try (Watch watch = Watch.builder().stateFile(settings.state()).build()) {
      Watch.Batch batch = watch.poll(digest);
      if (batch.isEmpty()) {
        log.println("Nothing new in Hugging Face's daily papers of " + digest.period() + ".");
        return 0;
      }
      int n = batch.papers().size();
      String subject =
          "Daily Papers " + digest.period() + ": " + n + " new paper" + (n == 1 ? "" : "s");
      Listing listing = Listing.of(subject, batch.papers(), digest.fetchedAt());
      send(settings, subject, render(Format.TEXT, listing), render(Format.HTML, listing));
      batch.acknowledge(); // only once the server took the message
      log.println("Sent " + subject + " to " + settings.to().size() + " recipient(s).");
      return n;
    }
  }

  private static String render(Format format, Listing listing) {
    StringWriter out = new StringWriter();
    try {
      format.writer().write(listing, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void send(Settings s, String subject, String text, String html)
      throws MessagingException {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", s.tls().equals("ssl") ? "smtps" : "smtp");
    String prefix = s.tls().equals("ssl") ? "mail.smtps." : "mail.smtp.";
    p.setProperty(prefix + "host", s.host());
    p.setProperty(prefix + "port", Integer.toString(s.port()));
    p.setProperty(prefix + "connectiontimeout", TIMEOUT_MILLIS);
    p.setProperty(prefix + "timeout", TIMEOUT_MILLIS);
    p.setProperty(prefix + "writetimeout", TIMEOUT_MILLIS);
    p.setProperty(prefix + "auth", Boolean.toString(s.user() != null));
    if (s.tls().equals("starttls")) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    if (!s.tls().equals("none")) {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    Authenticator login = null;
    if (s.user() != null) {
      String user = s.user();
      String password = Objects.requireNonNull(s.password());
      login =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    Session session = Session.getInstance(p, login);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(s.from());
    message.setRecipients(Message.RecipientType.TO, s.to().toArray(InternetAddress[]::new));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(Instant.now())); // Jakarta Mail takes a Date
    MimeBodyPart textPart = new MimeBodyPart();
    textPart.setText(text, StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative"); // plain first, HTML preferred
    alternative.addBodyPart(textPart);
    alternative.addBodyPart(htmlPart);
    message.setContent(alternative);
    Transport.send(message);
  }
}
