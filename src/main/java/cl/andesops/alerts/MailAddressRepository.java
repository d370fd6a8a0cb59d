package cl.andesops.alerts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** The addresses keys attached. */
interface MailAddressRepository extends ListCrudRepository<MailAddress, String> {
    Optional<MailAddress> findByKeyIdAndAddress(String keyId, String address);

    List<MailAddress> findByKeyId(String keyId);
}
