package cl.andesops.alerts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Saved searches, read and written whole. */
interface SavedSearchRepository extends ListCrudRepository<SavedSearch, String> {
    List<SavedSearch> findByKeyIdOrderByCreatedAt(String keyId);

    Optional<SavedSearch> findByFeedToken(String token);

    long countByKeyId(String keyId);
}
