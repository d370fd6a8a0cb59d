package cl.andesops.alerts;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** The private keys, by their hash or their feed's name. */
interface KeyRepository extends ListCrudRepository<AlertKey, String> {
    Optional<AlertKey> findBySecretHash(String hash);

    Optional<AlertKey> findByFeedToken(String token);
}
