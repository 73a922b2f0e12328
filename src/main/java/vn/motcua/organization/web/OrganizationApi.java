package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;

@RestController
@RequestMapping("/api/v1/organization")
@Tag(name = "Organization", description = "Cơ quan, đơn vị, biên chế")
class OrganizationApi {

    private final Organization organization;

    OrganizationApi(Organization organization) {
        this.organization = organization;
    }

    /** Any signed-in member of staff may read the organization chart. */
    @GetMapping("/agencies")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Agencies with their units and staffing (quota and staff in post)")
    List<AgencyView> agencies() {
        return organization.agencies();
    }
}
