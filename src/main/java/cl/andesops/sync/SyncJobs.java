package cl.andesops.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The sync jobs, by Spring Data JDBC (through the writer connection). */
interface SyncJobs extends ListCrudRepository<SyncJob, Long> {

    List<String> OPEN = List.of("QUEUED", "LISTING", "DETAILS");

    /** The unfinished job that should run now: highest priority first, oldest first. */
    Optional<SyncJob> findFirstByStateInOrderByPriorityDescIdAsc(Collection<String> states);

    @Query("SELECT * FROM sync_job WHERE kind = :kind AND coalesce(param, '') = :param AND state IN (:states) LIMIT 1")
    Optional<SyncJob> findOpen(String kind, String param, Collection<String> states);

    boolean existsByKindAndParamAndState(JobKind kind, String param, String state);

    @Modifying
    @Query("UPDATE sync_job SET priority = :priority WHERE id = :id AND priority < :priority")
    void raisePriority(long id, int priority);

    /** Running first, then queued by priority, then the most recent. */
    @Query("""
            SELECT * FROM sync_job ORDER BY CASE WHEN state IN ('LISTING','DETAILS') THEN 0
                     WHEN state = 'QUEUED' THEN 1 ELSE 2 END, CASE WHEN state = 'QUEUED' THEN -priority ELSE 0 END,
                     id DESC LIMIT :limit""")
    List<SyncJob> recent(int limit);
}
