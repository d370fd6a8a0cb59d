package cl.andesops.tenders.web;

import java.util.List;

/**
 * What the public tender page on mercadopublico.cl adds to the API: links to its attachments, its questions and
 * answers forum and its purchase orders, plus a few labels. {@code status} says whether it could be read.
 */
public record TenderPage(Status status, String attachmentsUrl, String forumUrl, String ordersUrl, String closes,
                         String published, String region, String stateIcon, List<String> itemNames) {

    public enum Status {
        /** Read with the known selectors. */
        OK,
        /** The page answered, but none of the known elements is there: its layout changed. */
        LAYOUT_CHANGED,
        /** The page could not be fetched (network, HTTP error, timeout). */
        UNREACHABLE
    }

    public static TenderPage failed(Status status) {
        return new TenderPage(status, null, null, null, null, null, null, null, List.of());
    }
}
