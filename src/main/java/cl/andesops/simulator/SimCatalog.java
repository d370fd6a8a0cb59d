package cl.andesops.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.format.Rut;

/**
 * The fixed vocabulary of the simulated market: the real buyer organisms (from a captured BuscarComprador
 * answer), Chile's 16 regions, UNSPSC categories with products and typical prices, and a pool of suppliers with
 * valid RUTs. Everything is derived from the seed, so two runs with the same seed see the same market.
 */
final class SimCatalog {

    record Region(int id, String name, int weight) {
    }

    record Buyer(String code, String name, String rut, Region region, String commune) {
    }

    record Supplier(String code, String name, String rut, String activity, Region region) {
    }

    record Product(String categoryCode, String category, String productCode, String name, String unit,
                   long medianPrice, String noun) {
    }

    static final List<Region> REGIONS = List.of(
            new Region(15, "Región de Arica y Parinacota", 2), new Region(1, "Región de Tarapacá", 2),
            new Region(2, "Región de Antofagasta", 4), new Region(3, "Región de Atacama", 2),
            new Region(4, "Región de Coquimbo", 4), new Region(5, "Región de Valparaíso", 9),
            new Region(13, "Región Metropolitana de Santiago", 36), new Region(6, "Región del Libertador General Bernardo O'Higgins", 5),
            new Region(7, "Región del Maule", 6), new Region(16, "Región de Ñuble", 3),
            new Region(8, "Región del Biobío", 8), new Region(9, "Región de la Araucanía", 6),
            new Region(14, "Región de Los Ríos", 3), new Region(10, "Región de Los Lagos", 5),
            new Region(11, "Región Aysén del General Carlos Ibáñez del Campo", 2),
            new Region(12, "Región de Magallanes y de la Antártica", 3));

    static final List<Product> PRODUCTS = List.of(
            p("42271700", "Equipamiento y suministros médicos / Productos de resucitación, anestesia y respiratorios / Sistemas de terapia de oxígeno", "42271718", "Insumos médicos para oxigenoterapia", "Unidad", 45_000, "insumos médicos"),
            p("42142600", "Equipamiento y suministros médicos / Productos de inyección y succión / Jeringas", "42142609", "Jeringas desechables 10 ml", "Caja", 18_000, "jeringas"),
            p("51101500", "Medicamentos y productos farmacéuticos / Antiinfecciosos / Antibióticos", "51101507", "Amoxicilina 500 mg comprimidos", "Caja", 9_500, "medicamentos"),
            p("51142900", "Medicamentos y productos farmacéuticos / Analgésicos / Analgésicos no narcóticos", "51142902", "Paracetamol 500 mg", "Caja", 2_900, "fármacos"),
            p("42131600", "Equipamiento y suministros médicos / Vestuario médico / Guantes de examen", "42132203", "Guantes de nitrilo talla M", "Caja", 7_800, "guantes de nitrilo"),
            p("44121600", "Equipos de oficina / Suministros de escritorio / Papelería", "44121618", "Resmas de papel carta", "Resma", 4_200, "artículos de oficina"),
            p("44103100", "Equipos de oficina / Impresoras / Tóner", "44103103", "Tóner para impresora láser", "Unidad", 62_000, "tóner"),
            p("43211500", "Tecnologías de la información / Computadores", "43211508", "Computador portátil", "Unidad", 690_000, "computadores"),
            p("43211900", "Tecnologías de la información / Monitores", "43211902", "Monitor LED 24 pulgadas", "Unidad", 135_000, "monitores"),
            p("81112200", "Servicios informáticos / Mantenimiento de software", "81112201", "Servicio de soporte y mantención de software", "Servicio", 2_400_000, "soporte informático"),
            p("72101500", "Servicios de construcción / Mantenimiento de edificios", "72101507", "Servicio de mantención de edificios", "Servicio", 6_500_000, "mantención de edificios"),
            p("72141100", "Servicios de construcción / Pavimentación", "72141103", "Obras de pavimentación de calles", "Global", 85_000_000, "pavimentación"),
            p("30111600", "Materiales de construcción / Cemento", "30111601", "Cemento en sacos de 25 kg", "Saco", 5_400, "cemento"),
            p("31162800", "Ferretería / Herramientas", "31162804", "Herramientas de ferretería", "Unidad", 12_000, "ferretería"),
            p("47131700", "Suministros de aseo / Productos de limpieza", "47131810", "Detergente industrial 5 litros", "Bidón", 8_900, "artículos de aseo"),
            p("76111500", "Servicios de limpieza / Limpieza de edificios", "76111501", "Servicio de aseo de dependencias", "Servicio", 4_800_000, "servicio de aseo"),
            p("50192100", "Alimentos / Alimentos preparados", "50192100", "Raciones de alimentación escolar", "Ración", 2_100, "alimentación"),
            p("50131700", "Alimentos / Lácteos", "50131701", "Leche en polvo", "Kilo", 6_300, "alimentos"),
            p("15101500", "Combustibles / Petróleo", "15101505", "Petróleo diésel", "Litro", 1_050, "combustible"),
            p("25101500", "Vehículos / Vehículos de pasajeros", "25101503", "Camioneta 4x4", "Unidad", 28_000_000, "vehículos"),
            p("78181500", "Servicios de transporte / Mantenimiento de vehículos", "78181505", "Servicio de mantención de vehículos", "Servicio", 950_000, "mantención de vehículos"),
            p("80111600", "Servicios de gestión / Personal temporal", "80111601", "Servicios profesionales de asesoría", "Servicio", 3_200_000, "asesoría profesional"),
            p("86101700", "Servicios educativos / Capacitación", "86101710", "Curso de capacitación para funcionarios", "Servicio", 1_800_000, "capacitación"),
            p("56101500", "Muebles / Muebles de oficina", "56101519", "Escritorios y sillas ergonómicas", "Unidad", 185_000, "mobiliario"),
            p("39111500", "Iluminación / Luminarias", "39111501", "Luminarias LED para alumbrado público", "Unidad", 240_000, "luminarias LED"),
            p("46181500", "Seguridad / Ropa de protección", "46181504", "Ropa de seguridad y EPP", "Unidad", 24_000, "elementos de protección personal"),
            p("92121500", "Servicios de seguridad / Vigilancia", "92121504", "Servicio de guardias de seguridad", "Servicio", 7_500_000, "vigilancia"),
            p("82101500", "Publicidad / Impresos", "82101502", "Impresión de material de difusión", "Unidad", 650, "impresión"),
            p("90101600", "Restaurantes y catering / Servicios de banquetería", "90101603", "Servicio de coffee break", "Servicio", 380_000, "banquetería"),
            p("30221000", "Estructuras / Carpas", "30221001", "Carpas y toldos", "Unidad", 420_000, "carpas"));

    private static final String[] FIRST = {"Comercial", "Distribuidora", "Inversiones", "Servicios", "Constructora",
            "Sociedad", "Importadora", "Ingeniería", "Tecnología", "Laboratorio", "Farmacéutica", "Soluciones",
            "Transportes", "Alimentos", "Ferretería"};
    private static final String[] SECOND = {"Los Andes", "del Pacífico", "Austral", "San Martín", "Cordillera",
            "Atacama", "Biobío", "Valle Central", "La Frontera", "Patagonia", "Santa Elena", "Los Lagos", "Aconcagua",
            "Mar Azul", "El Roble", "Araucaria", "Altiplano", "Maipo", "Rapel", "Itata", "Elqui", "Huasco",
            "Copihue", "Quillay", "Los Cerezos"};
    private static final String[] FORM = {"SpA", "Ltda.", "S.A.", "EIRL", "y Cía. Ltda."};

    final List<Buyer> buyers;
    final List<Supplier> suppliers;
    private final int totalRegionWeight = REGIONS.stream().mapToInt(Region::weight).sum();

    SimCatalog(long seed, int supplierCount) {
        this.buyers = loadBuyers(seed);
        this.suppliers = makeSuppliers(seed, supplierCount);
    }

    private static Product p(String cc, String c, String pc, String n, String u, long price, String noun) {
        return new Product(cc, c, pc, n, u, price, noun);
    }

    Region region(SplittableRandom r) {
        int x = r.nextInt(totalRegionWeight);
        for (Region region : REGIONS) {
            x -= region.weight();
            if (x < 0) {
                return region;
            }
        }
        return REGIONS.getLast();
    }

    private List<Buyer> loadBuyers(long seed) {
        try (InputStream in = SimCatalog.class.getResourceAsStream("/simulator/buyers.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Buyer> list = new ArrayList<>();
            for (JsonNode company : root.get("listaEmpresas")) {
                String code = company.get("CodigoEmpresa").asString().strip();
                String name = company.get("NombreEmpresa").asString().strip();
                SplittableRandom r = new SplittableRandom(seed ^ code.hashCode());
                Region region = name.toUpperCase().contains("SANTIAGO") ? REGIONS.get(6) : region(r);
                int prefix = name.toUpperCase().contains("MUNICIPALIDAD") ? 69 : 61;
                int number = prefix * 1_000_000 + r.nextInt(999_999);
                list.add(new Buyer(code, name, new Rut(number, Rut.checkDigitOf(number)).toString(), region,
                        commune(region)));
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Supplier> makeSuppliers(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        List<Supplier> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = FIRST[r.nextInt(FIRST.length)] + " " + SECOND[r.nextInt(SECOND.length)] + " "
                    + FORM[r.nextInt(FORM.length)];
            if (r.nextInt(4) == 0) {
                name = name.toUpperCase();
            }
            int number = 76_000_000 + r.nextInt(1_999_999);
            Region region = region(r);
            Product speciality = PRODUCTS.get(r.nextInt(PRODUCTS.size()));
            list.add(new Supplier(Integer.toString(100_000 + i), name,
                    new Rut(number, Rut.checkDigitOf(number)).toString(),
                    "VENTA AL POR MAYOR DE " + speciality.noun().toUpperCase(), region));
        }
        return List.copyOf(list);
    }

    static String commune(Region region) {
        return switch (region.id()) {
            case 13 -> "Santiago";
            case 5 -> "Valparaíso";
            case 8 -> "Concepción";
            case 2 -> "Antofagasta";
            case 9 -> "Temuco";
            case 10 -> "Puerto Montt";
            case 12 -> "Punta Arenas";
            case 4 -> "La Serena";
            case 7 -> "Talca";
            case 6 -> "Rancagua";
            case 16 -> "Chillán";
            case 14 -> "Valdivia";
            case 15 -> "Arica";
            case 1 -> "Iquique";
            case 3 -> "Copiapó";
            default -> "Coyhaique";
        };
    }

    static BigDecimal money(long pesos) {
        return BigDecimal.valueOf(pesos).setScale(1);
    }
}
