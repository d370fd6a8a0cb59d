package cl.andesops.alerts;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Service;

import cl.andesops.shared.I18n;
import cl.andesops.shared.format.Formats;

/**
 * The closing dates of a visitor's followed tenders and Compra Ágil requests as an iCalendar subscription (iCal4j):
 * one event per record with a stable {@code UID}, its {@code SEQUENCE} raised only when its closing really moved or
 * it was cancelled, in Chile time ({@code TZID=America/Santiago} with its {@code VTIMEZONE}), {@code STATUS:CANCELLED}
 * once it is deserted, revoked or cancelled, and a {@code REFRESH-INTERVAL} for the calendar app.
 */
@Service
public class Calendars {

    static final Duration REFRESH = Duration.ofHours(1);

    private final FollowRepository follows;
    private final AlertsProperties properties;

    Calendars(FollowRepository follows, AlertsProperties properties) {
        this.follows = follows;
        this.properties = properties;
    }

    /** The calendar of a key, as text/calendar. */
    public String ics(AlertKey key, Instant now) {
        Locale l = key.language();
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//AndesOps//Alertas//" + l.getLanguage().toUpperCase(Locale.ROOT)));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", I18n.text(l, "alerts.calendar.name")));
        cal.add(new XProperty("X-WR-TIMEZONE", Formats.CHILE.getId()));
        cal.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        cal.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        cal.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(Formats.CHILE.getId())
                .getVTimeZone());
        for (Follow f : follows.findByKeyIdOrderByCreatedAt(key.id())) {
            if (!f.kind().isRecord()) {
                continue;
            }
            event(f, l, now).ifPresent(cal::add);
        }
        return cal.toString();
    }

    private Optional<VEvent> event(Follow f, Locale l, Instant now) {
        Seen seen = Seen.read(f.seen());
        if (seen == null || seen.closesAt() == null) {
            return Optional.empty();
        }
        ZonedDateTime closes = Instant.ofEpochMilli(seen.closesAt()).atZone(Formats.CHILE);
        VEvent e = new VEvent(closes, closes.plusMinutes(30), I18n.text(l, f.kind() == Follow.Kind.TENDER
                ? "alerts.calendar.tender" : "alerts.calendar.request", f.label() == null ? f.code() : f.label()));
        e.add(new Uid(f.kind().name().toLowerCase(Locale.ROOT) + "-" + f.code() + "@andesops"));
        e.add(new Sequence(f.sequence()));
        e.replace(new DtStamp(now));
        e.add(new Description(f.code() + " · " + (seen.stateName() == null ? "" : seen.stateName())));
        e.add(new Url(URI.create(properties.base() + f.path())));
        e.add(seen.cancelled(f.kind()) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return Optional.of(e);
    }
}
