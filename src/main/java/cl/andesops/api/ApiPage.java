package cl.andesops.api;

import java.util.List;

/** One page of a list endpoint: the items, where the page is, and how many there are in all. */
record ApiPage<T>(List<T> items, int page, int size, long total) {
}
