package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.util.List;

import tools.jackson.databind.annotation.JsonSerialize;

import cl.andesops.shared.format.SitePath;

/**
 * The price reference of one product (its UNSPSC product code) in a period, for a market consultation: the unit
 * prices paid in orders and quoted in Compra Ágil as distributions by unit (quartiles and median), the median by
 * month, region and procedure for its main unit, who buys and who sells it, and the newest lines behind the figures.
 * When its lines mix units ({@code comparable} false) each unit has its own figures and no single median is given.
 */
public record ProductProfile(String code, String name, Period period, long lines, long linesPriced,
                             long linesOtherCurrency, boolean capped, String mainUnit, boolean comparable,
                             List<Prices> byUnit, List<Prices> quotedByUnit, List<Prices> byMonth,
                             List<Prices> byRegion, List<Prices> byProcedure, List<Figures.Counterpart> buyers,
                             List<Figures.Counterpart> suppliers, List<Record> newest) {

    /** A group's unit prices in pesos: how many, quartiles and median. */
    public record Prices(String key, long count, double p25, double median, double p75) {
    }

    /** A line behind the figures: the order (or request), its day, unit, unit price, buyer and supplier. */
    public record Record(String code, @JsonSerialize(using = SitePath.class) String path, String day, String unit,
                         double unitPrice, String buyerName, @JsonSerialize(using = SitePath.class) String buyerPath,
                         String supplierName, @JsonSerialize(using = SitePath.class) String supplierPath) {
    }
}
