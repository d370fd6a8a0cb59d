package cl.andesops.analysis;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Stored analyses, by Spring Data JDBC: the aggregate is read and written whole. */
interface AnalysisRepository extends ListCrudRepository<Analysis, String> {

    Optional<Analysis> findByKindAndSubjectAndDataVersionAndModel(AnalysisKind kind, String subject, String dataVersion,
                                                                  String model);
}
