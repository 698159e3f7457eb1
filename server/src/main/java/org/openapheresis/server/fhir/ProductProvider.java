package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.IdType;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.product.ProductService;

/**
 * Cell products: read by id; search by {@code patient} (the donor or the recipient; required unless an
 * {@code identifier} is given) and by {@code identifier} (the DIN, with or without the ISBT 128 DIN system).
 */
public final class ProductProvider implements IResourceProvider {

    private final ProductService products;
    private final Jdbi jdbi;

    public ProductProvider(ProductService products, Jdbi jdbi) {
        this.products = products;
        this.jdbi = jdbi;
    }

    @Override
    public Class<BiologicallyDerivedProduct> getResourceType() {
        return BiologicallyDerivedProduct.class;
    }

    @Read(version = true)
    public BiologicallyDerivedProduct read(@IdParam IdType id) {
        return Versions.asked(id, jdbi.withHandle(h -> products.findView(h, id.getIdPart()))
                .map(this::toFhir).orElseThrow(() -> new ResourceNotFoundException(id)));
    }

    @Search
    public List<BiologicallyDerivedProduct> search(@OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "identifier") TokenParam identifier) {
        if (patient == null && identifier == null) {
            throw new InvalidRequestException("search cell products by patient or by identifier (the DIN)");
        }
        if (identifier != null && identifier.getSystem() != null && !identifier.getSystem().isBlank()
                && !ProductMapper.DIN_SYSTEM.equals(identifier.getSystem())) {
            return List.of();
        }
        return jdbi.withHandle(h -> products.search(h, Optional.ofNullable(patient).map(ReferenceParam::getIdPart),
                Optional.empty()).stream()
                .filter(p -> identifier == null || p.din().value().equals(identifier.getValue().replace(" ", "")))
                .map(p -> toFhir(products.view(h, p))).toList());
    }

    private BiologicallyDerivedProduct toFhir(org.openapheresis.server.product.Product.View v) {
        return ProductMapper.toFhir(v, products.table().find(v.product().descriptionCode())
                .map(org.openapheresis.isbt128.ProductDescription::example).orElse(true));
    }
}
