package cl.andesops.alerts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Follows, read and written whole. */
interface FollowRepository extends ListCrudRepository<Follow, String> {
    List<Follow> findByKeyIdOrderByCreatedAt(String keyId);

    Optional<Follow> findByKeyIdAndKindAndCode(String keyId, Follow.Kind kind, String code);

    long countByKeyId(String keyId);
}
