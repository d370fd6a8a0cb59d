package cl.andesops.alerts;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import cl.andesops.shared.I18n;

/** The mails' words, in the reader's language, as plain text and as HTML. */
final class MailText {

    private MailText() {
    }

    /** A mail's three parts. */
    record Mail(String subject, String text, String html) {
    }

    /** One entry of a mail: a line and the absolute address of its record. */
    record Entry(String line, String url) {
    }

    static Mail confirm(Locale l, String searchName, String confirmUrl, String hours) {
        String subject = I18n.text(l, "alerts.mail.confirm.subject");
        String intro = I18n.text(l, "alerts.mail.confirm.intro", searchName);
        String action = I18n.text(l, "alerts.mail.confirm.action");
        String expiry = I18n.text(l, "alerts.mail.confirm.expiry", hours);
        String ignore = I18n.text(l, "alerts.mail.confirm.ignore");
        String text = intro + "\n\n" + action + ":\n" + confirmUrl + "\n\n" + expiry + "\n" + ignore + "\n";
        String html = page(l, "<p>" + esc(intro) + "</p><p><a href=\"" + esc(confirmUrl) + "\">" + esc(action)
                + "</a></p><p>" + esc(expiry) + "<br>" + esc(ignore) + "</p>");
        return new Mail(subject, text, html);
    }

    /**
     * Alerts of a search or of the follows: "nuevas" and, for a digest, "cierran pronto"; the links to manage and to
     * stop these mails.
     */
    static Mail alerts(Locale l, String about, List<Entry> news, List<Entry> closing, String manageUrl,
                       String unsubscribeUrl, boolean digest) {
        String subject = I18n.text(l, digest ? "alerts.mail.digest.subject" : "alerts.mail.alerts.subject", about,
                news.size());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        section(l, "alerts.mail.section.new", news, text, html);
        section(l, "alerts.mail.section.closing", closing, text, html);
        String manage = I18n.text(l, "alerts.mail.manage");
        String stop = I18n.text(l, "alerts.mail.stop");
        String notice = I18n.text(l, "alerts.mail.why", about);
        text.append(notice).append("\n").append(manage).append(": ").append(manageUrl).append("\n").append(stop)
                .append(": ").append(unsubscribeUrl).append("\n");
        html.append("<p style=\"color:#555\">").append(esc(notice)).append("<br><a href=\"").append(esc(manageUrl))
                .append("\">").append(esc(manage)).append("</a> · <a href=\"").append(esc(unsubscribeUrl))
                .append("\">").append(esc(stop)).append("</a></p>");
        return new Mail(subject, text.toString(), page(l, html.toString()));
    }

    private static void section(Locale l, String key, List<Entry> entries, StringBuilder text, StringBuilder html) {
        if (entries.isEmpty()) {
            return;
        }
        String title = I18n.text(l, key, entries.size());
        text.append(title).append("\n");
        html.append("<h2 style=\"font-size:16px\">").append(esc(title)).append("</h2><ul>");
        for (Entry e : entries) {
            text.append("- ").append(e.line()).append("\n  ").append(e.url()).append("\n");
            html.append("<li><a href=\"").append(esc(e.url())).append("\">").append(esc(e.line())).append("</a></li>");
        }
        text.append("\n");
        html.append("</ul>");
    }

    static Mail test(Locale l) {
        String subject = I18n.text(l, "alerts.mail.test.subject");
        String body = I18n.text(l, "alerts.mail.test.body");
        return new Mail(subject, body + "\n", page(l, "<p>" + esc(body) + "</p>"));
    }

    private static String page(Locale l, String body) {
        return "<!DOCTYPE html><html lang=\"" + l.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>AndesOps"
                + "</title></head><body style=\"font-family:sans-serif;font-size:14px\">" + body + "</body></html>";
    }

    static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
