package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Evaluations;
import vn.motcua.shared.ProblemException;

@RestController
@Tag(name = "Evaluation", description = "Đánh giá mức độ hài lòng của người nộp hồ sơ")
class EvaluationApi {

    private final Evaluations evaluations;

    EvaluationApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/api/public/evaluation-criteria")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The evaluation criteria of the set in force (or of set `version`, which ratings record), "
            + "in order, each with its maximum points; the set's version in the header X-Criteria-Version")
    ResponseEntity<List<Evaluations.Criterion>> criteria(@RequestParam(required = false) Integer version) {
        int shown = version == null ? evaluations.versionInForce() : version;
        List<Evaluations.Criterion> criteria = evaluations.criteria(shown);
        if (criteria.isEmpty()) {
            throw ProblemException.notFound("evaluation.version.unknown", shown);
        }
        return ResponseEntity.ok().header("X-Criteria-Version", String.valueOf(shown)).body(criteria);
    }

    @PostMapping("/api/public/dossiers/{code}/evaluation")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The applicant rates a returned dossier, once, by code and PIN: points for every criterion "
            + "in force and an optional comment; wrong code or PIN = 404 (counted like the look-up)")
    ResponseEntity<Evaluations.Result> rate(@PathVariable String code, @RequestParam(required = false) String pin,
            @RequestBody(required = false) Evaluations.Rating rating, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(evaluations.rate(code, pin, request.getRemoteAddr(), rating));
    }
}
