package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The statement kept for an index set aside is made again even when the index was made meanwhile. */
class SuspendedIndexesTest {

    @Test
    void the_statement_of_an_index_is_made_idempotent() {
        assertThat(SuspendedIndexes.ifNotExists("CREATE INDEX po_day ON purchase_order (day, type)"))
                .isEqualTo("CREATE INDEX IF NOT EXISTS po_day ON purchase_order (day, type)");
        assertThat(SuspendedIndexes.ifNotExists(
                "CREATE INDEX po_created ON public.purchase_order USING btree (created_at DESC, id DESC)"))
                .isEqualTo("CREATE INDEX IF NOT EXISTS po_created ON public.purchase_order USING btree "
                        + "(created_at DESC, id DESC)");
        assertThatThrownBy(() -> SuspendedIndexes.ifNotExists("DROP TABLE x"))
                .isInstanceOf(IllegalStateException.class);
    }
}
