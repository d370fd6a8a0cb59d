package cl.andesops.analysis;

/**
 * One narrative being written and everyone watching it. Its text is appended as it comes and shown at most ten
 * times a second; it is cut, and not stored, at the answer's deadline or size (a model that goes on for ever must
 * not cost a core, a budget or the next visitors); every way it ends counts the tokens the app received.
 */
final class NarrativeFlight implements Analyst.Listener {

    private final AnalysisService owner;
    private final String key;
    private final NarrativeLimits.Granted admission;
    private final StringBuilder raw = new StringBuilder();
    private final java.util.List<AnalysisService.Listener> watchers = new java.util.ArrayList<>();
    private String[] startedBy;
    private boolean ended;
    private boolean counted;
    private long shownAt;
    /** Characters past the size bound, not kept (counted at four to a token). */
    private long dropped;
    private int promptTokens;
    private volatile java.util.concurrent.ScheduledFuture<?> deadline;
    private volatile Analyst.Handle upstream;
    private AnalysisService.Prepared prepared;

    NarrativeFlight(AnalysisService owner, String key, NarrativeLimits.Granted admission) {
        this.owner = owner;
        this.key = key;
        this.admission = admission;
    }

    /** Lets the slot go (a flight that lost the race to start). */
    void release() {
        admission.release();
    }

    void start(AnalysisService.Prepared p) {
        prepared = p;
        Analyst.Request request = owner.prompts.request(p.facts(), p.locale());
        promptTokens = owner.tokens.estimate(request.system()) + owner.tokens.estimate(request.user());
        java.time.Duration limit = owner.limits.answerDeadline();
        deadline = AnalysisService.DEADLINES.schedule(() -> cut("analysis.cut.deadline", limit.toSeconds()),
                limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Analyst.Handle h = owner.analyst.stream(request, this);
        upstream = h;
        synchronized (this) {
            if (!ended) {
                return;
            }
        }
        h.cancel(); // cut before the stream was handed back
    }

    /** Ends the flight without storing anything: the stream is cancelled, what came counted, watchers told. */
    private void cut(String key, Object... args) {
        java.util.List<AnalysisService.Listener> to = finish();
        if (to == null) {
            return;
        }
        Analyst.Handle h = upstream;
        if (h != null) {
            h.cancel();
        }
        AnalysisService.log.warn("A narrative was cut: {} {}", key, java.util.Arrays.toString(args));
        to.forEach(l -> l.cut(key, args));
    }

    /** The tokens this flight cost, once (the first count wins: a completed answer's, or what came of it). */
    private void count(int prompt, int completion) {
        synchronized (this) {
            if (counted) {
                return;
            }
            counted = true;
        }
        owner.limits.spent(prompt, completion);
    }

    /** Joins with what was written so far; false when the flight already ended. */
    synchronized boolean join(AnalysisService.Listener l) {
        if (ended) {
            return false;
        }
        watchers.add(l);
        if (startedBy != null) {
            l.started(startedBy[0], startedBy[1]);
        }
        if (!raw.isEmpty()) {
            l.text(AnalysisService.narrativePart(owner.guard.clean(raw.toString())));
        }
        return true;
    }

    void leave(AnalysisService.Listener l) {
        boolean last;
        synchronized (this) {
            watchers.remove(l);
            last = watchers.isEmpty() && !ended;
            if (last) {
                ended = true;
            }
        }
        if (last) {
            end();
            Analyst.Handle h = upstream;
            if (h != null) {
                h.cancel();
            }
        }
    }

    private void end() {
        java.util.concurrent.ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        owner.flights.remove(key, this);
        admission.release();
        boolean done;
        String so;
        synchronized (this) {
            done = counted;
            so = done ? "" : raw.toString();
        }
        if (!done) {
            // a cancelled or cut answer costs what came of it (past the size, four characters to a token)
            count(promptTokens, owner.tokens.estimate(so) + (int) Math.min(Integer.MAX_VALUE, (dropped + 3) / 4));
        }
    }

    private synchronized java.util.List<AnalysisService.Listener> watching() {
        return java.util.List.copyOf(watchers);
    }

    /** Ends the flight once; the watchers at that moment, or null when it had already ended. */
    private java.util.List<AnalysisService.Listener> finish() {
        synchronized (this) {
            if (ended) {
                return null;
            }
            ended = true;
        }
        end();
        return watching();
    }

    @Override
    public void started(String provider, String model) {
        synchronized (this) {
            startedBy = new String[]{provider, model};
        }
        watching().forEach(l -> l.started(provider, model));
    }

    @Override
    public void token(String text) {
        int max = owner.limits.maxAnswerChars();
        String soFar = null;
        boolean over;
        synchronized (this) {
            if (ended) {
                return;
            }
            int room = Math.max(0, max + 1 - raw.length());
            raw.append(text, 0, Math.min(room, text.length()));
            dropped += Math.max(0, text.length() - room);
            over = raw.length() > max;
            long now = System.nanoTime();
            if (!over && (shownAt == 0 || now - shownAt >= AnalysisService.SHOW_EVERY_NANOS)) {
                shownAt = now;
                soFar = raw.toString();
            }
        }
        if (over) {
            cut("analysis.cut.size", max);
            return;
        }
        if (soFar != null) {
            String visible = AnalysisService.narrativePart(owner.guard.clean(soFar));
            watching().forEach(l -> l.text(visible));
        }
    }

    @Override
    public void completed(Analyst.Reply reply) {
        int max = owner.limits.maxAnswerChars();
        if (reply.text().length() > max) {
            // past the size in one piece (the stream showed less): cut, not stored, all of it counted
            synchronized (this) {
                raw.setLength(0);
                raw.append(reply.text(), 0, max + 1);
                dropped = reply.text().length() - raw.length();
            }
            cut("analysis.cut.size", max);
            return;
        }
        int prompt = AnalysisService.plausible(reply.promptTokens(), promptTokens);
        int completion = AnalysisService.plausible(reply.completionTokens(), owner.tokens.estimate(reply.text()));
        count(prompt, completion);
        java.util.List<AnalysisService.Listener> to = finish();
        if (to == null) {
            return; // cut at its deadline or size, or left by its last watcher: nothing to store
        }
        AnalysisService.Prepared p = prepared;
        try {
            String clean = owner.guard.clean(reply.text());
            Analysis a = owner.store.save(new Analysis(null, p.facts().kind(), p.facts().subject(), p.version(),
                    reply.provider() + "/" + reply.model(), reply.provider(), p.facts(),
                    AnalysisService.narrativePart(clean),
                    owner.verdict(p.facts().kind(), clean), prompt, completion,
                    reply.tokensEstimated() || completion != reply.completionTokens()
                            || prompt != reply.promptTokens(), reply.millis(),
                    java.time.Instant.now(owner.clock)));
            to.forEach(l -> l.completed(a));
        } catch (RuntimeException e) {
            AnalysisService.log.warn("Could not store an analysis", e);
            to.forEach(l -> l.failed("No se pudo guardar el análisis."));
        }
    }

    @Override
    public void failed(String message) {
        String clean = owner.guard.clean(message);
        java.util.List<AnalysisService.Listener> to = finish();
        if (to != null) {
            to.forEach(l -> l.failed(clean));
        }
    }
}
