package cl.andesops.shared.ui;

import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;

/**
 * A panel of filters that is simply there on a wide screen and folds away on a phone, so that what it filters comes
 * first. On a wide screen its summary line is hidden by the stylesheet ({@code .fold-on-phone}) and it stays open;
 * on a narrow one it starts closed, unless a filter in it is set.
 */
public final class PhoneFold {

    /** Narrower than this (CSS pixels) is a phone: the stylesheet's breakpoint too. */
    public static final int PHONE_WIDTH = 800;

    private PhoneFold() {
    }

    public static Details of(String id, Component... content) {
        Details details = new Details();
        details.setId(id);
        details.addClassName("fold-on-phone");
        details.add(content);
        details.setOpened(true);
        return details;
    }

    /** Call on attach: closes the panel when the window is a phone's and {@code keepOpen} is false. */
    public static void foldIfNarrow(Details details, BooleanSupplier keepOpen) {
        details.getElement().executeJs("return window.innerWidth").then(Integer.class, width -> {
            if (width != null && width <= PHONE_WIDTH && !keepOpen.getAsBoolean()) {
                details.setOpened(false);
            }
        });
    }
}
