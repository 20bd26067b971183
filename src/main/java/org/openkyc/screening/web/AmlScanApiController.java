package org.openkyc.screening.web;

import java.util.List;
import org.openkyc.core.Actor;
import org.openkyc.core.Ids;
import org.openkyc.screening.AmlScans;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual AML scans over the API. */
@RestController
class AmlScanApiController {

    private final AmlScans scans;

    AmlScanApiController(AmlScans scans) {
        this.scans = scans;
    }

    /** Searches the lists; answers the scan's id and its results, best match first. */
    @PostMapping("/api/v1/aml/scans")
    AmlScans.Scan scan(Actor actor, @RequestBody AmlScans.ScanRequest request) {
        return scans.scan(actor, request);
    }

    @GetMapping("/api/v1/aml/scans")
    List<AmlScans.Scan> scans(
            Actor actor, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return scans.scans(actor, page, size);
    }

    @GetMapping("/api/v1/aml/scans/{id}")
    AmlScans.Scan scan(Actor actor, @PathVariable String id) {
        return scans.scan(actor, Ids.parse(id));
    }
}
