package cl.andesops.mercadopublico;

/** Implemented by the built-in simulator: in demo mode the clients talk to it instead of Mercado Público. */
public interface SimulatedEndpoints {

    Endpoints endpoints();
}
