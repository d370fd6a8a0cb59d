package cl.andesops.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free loopback port, shared by every test app that sends mail:
 * what the app's mail support sends arrives here, headers and parts as a mail client would see them.
 */
public final class MailStub {

    private static MailStub shared;

    public final GreenMail server;
    public final int port;

    private MailStub() {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        setup.setServerStartupTimeout(30_000); // two busy cores: the default 2 s is not always enough
        this.server = new GreenMail(setup);
        server.start();
        this.port = server.getSmtp().getPort();
    }

    public static synchronized MailStub shared() {
        if (shared == null) {
            shared = new MailStub();
        }
        return shared;
    }

    public List<MimeMessage> messages() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** The messages to {@code address}, waiting up to {@code atMost} for at least {@code count} matching. */
    public List<MimeMessage> await(String address, Predicate<MimeMessage> which, int count, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            List<MimeMessage> got = messages().stream().filter(m -> to(m, address) && which.test(m)).toList();
            if (got.size() >= count || System.nanoTime() > deadline) {
                return got;
            }
            Thread.sleep(50);
        }
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    /** The plain-text part of a message. */
    public static String text(MimeMessage m) {
        try {
            return part(m.getContent(), "text/plain");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part of a message. */
    public static String html(MimeMessage m) {
        try {
            return part(m.getContent(), "text/html");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object content, String type) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                var p = mp.getBodyPart(i);
                if (p.isMimeType(type)) {
                    return (String) p.getContent();
                }
                if (p.getContent() instanceof jakarta.mail.Multipart) {
                    String inner = part(p.getContent(), type);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }
}
