package cl.andesops.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

import cl.andesops.testing.KaribuTest;

/** Beside its links, a file being written says how many rows it has so far, then that it is ready, or why not. */
class ExportLinksTest extends KaribuTest {

    @Test
    void the_status_beside_the_links_follows_the_file_from_the_thread_writing_it() throws Exception {
        Div owner = new Div();
        UI.getCurrent().add(owner);
        Span status = new Span();
        owner.add(status);
        TableExport.Progress progress = ExportLinks.progress(owner, status);
        Thread writer = Thread.ofVirtual().start(() -> progress.written(124_000, false));
        writer.join();
        MockVaadin.clientRoundtrip(false);
        assertThat(status.getText()).isEqualTo("Exportando… 124.000 filas");
        Thread.ofVirtual().start(() -> progress.written(124_676, true)).join();
        MockVaadin.clientRoundtrip(false);
        assertThat(status.getText()).isEqualTo("Exportación lista: 124.676 filas");
        Thread.ofVirtual().start(() -> progress.refused("Ya hay una exportación en curso en esta sesión.")).join();
        MockVaadin.clientRoundtrip(false);
        assertThat(status.getText()).startsWith("Ya hay una exportación en curso");
    }
}
