package org.openkyc.questionnaires;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.questionnaires.logic.AnswerCheck;
import org.openkyc.questionnaires.logic.ExpressionException;
import org.openkyc.questionnaires.logic.Survey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The company's questionnaires and the answers applicants gave. A schema is checked when it is saved (every
 * expression must parse); answers are checked against the schema and its logic before they are kept.
 */
@Service
public class Questionnaires {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The largest schema taken, in characters. */
    static final int MAX_SCHEMA = 500_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    Questionnaires(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Questionnaire(
            UUID id,
            String name,
            String description,
            String schema,
            int version,
            Instant createdAt,
            Instant updatedAt) {

        public int questions() {
            return Survey.read(JSON.readTree(schema)).questions().size();
        }
    }

    /** Answers as kept, with the schema they answered. */
    public record Answers(
            UUID id,
            UUID questionnaireId,
            int version,
            String name,
            String schema,
            Map<String, Object> answers,
            Instant createdAt) {

        public Survey survey() {
            return Survey.read(JSON.readTree(schema));
        }
    }

    public List<Questionnaire> list(Actor actor, String search) {
        actor.require(Permission.QUESTIONNAIRES);
        return jdbc.sql("""
                        SELECT * FROM questionnaire WHERE company_id = :company
                        AND (:search = '' OR lower(name) LIKE '%' || lower(:search) || '%')
                        ORDER BY lower(name), id LIMIT 200
                        """)
                .param("company", actor.companyId().value())
                .param("search", search.strip())
                .query((r, n) -> row(r))
                .list();
    }

    @Transactional
    public Questionnaire create(Actor actor, String name) {
        actor.require(Permission.QUESTIONNAIRES);
        String title = name.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw InvalidInputException.of("name", "size", "must be 1 to 200 characters");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String schema = JSON.writeValueAsString(
                Map.of("title", title, "pages", List.of(Map.of("name", "page1", "elements", List.of()))));
        jdbc.sql("""
                        INSERT INTO questionnaire (id, company_id, name, schema, version, created_at, updated_at)
                        VALUES (:id, :company, :name, :schema, 1, :now, :now)
                        """)
                .param("id", id)
                .param("company", actor.companyId().value())
                .param("name", title)
                .param("schema", schema)
                .param("now", Timestamp.from(now))
                .update();
        return get(actor, id);
    }

    public Questionnaire get(Actor actor, UUID id) {
        actor.require(Permission.QUESTIONNAIRES);
        return find(actor.companyId(), id).orElseThrow(() -> new NotFoundException("No such questionnaire."));
    }

    /** For the questionnaire step: the company's questionnaire, whoever asks. */
    public Optional<Questionnaire> find(CompanyId company, UUID id) {
        return jdbc.sql("SELECT * FROM questionnaire WHERE id = :id AND company_id = :company")
                .param("id", id)
                .param("company", company.value())
                .query((r, n) -> row(r))
                .optional();
    }

    /** Saves the builder's work: name, description and schema, which must read as a questionnaire. */
    @Transactional
    public Questionnaire save(Actor actor, UUID id, String name, String description, String schema) {
        Questionnaire current = get(actor, id);
        String title = name.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw InvalidInputException.of("name", "size", "must be 1 to 200 characters");
        }
        if (description.length() > 2000) {
            throw InvalidInputException.of("description", "size", "must be at most 2000 characters");
        }
        if (schema.length() > MAX_SCHEMA) {
            throw InvalidInputException.of("schema", "size", "is too large");
        }
        try {
            Survey.read(JSON.readTree(schema));
        } catch (JacksonException e) {
            throw InvalidInputException.of("schema", "json", "is not JSON");
        } catch (ExpressionException e) {
            throw InvalidInputException.of("schema", "logic", e.getMessage());
        }
        jdbc.sql("""
                        UPDATE questionnaire SET name = :name, description = :description, schema = :schema,
                          version = version + 1, updated_at = :now
                        WHERE id = :id AND company_id = :company
                        """)
                .param("name", title)
                .param("description", description.strip())
                .param("schema", schema)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", current.id())
                .param("company", actor.companyId().value())
                .update();
        return get(actor, id);
    }

    /**
     * Checks an applicant's answers against the questionnaire and keeps them; answers that break the schema or its
     * logic are refused with an error per question.
     */
    @Transactional
    public Answers answer(CompanyId company, UUID applicant, UUID questionnaireId, Map<String, Object> submitted) {
        Questionnaire questionnaire = find(company, questionnaireId)
                .orElseThrow(() -> new NotFoundException("This flow's questionnaire no longer exists."));
        AnswerCheck.Result checked = AnswerCheck.check(Survey.read(JSON.readTree(questionnaire.schema())), submitted);
        if (!checked.valid()) {
            throw new InvalidInputException(checked.errors().stream()
                    .map(e -> new InvalidInputException.FieldError("answers." + e.field(), e.code(), e.message()))
                    .toList());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO questionnaire_answer (id, company_id, applicant_id, questionnaire_id, version, name,
                          schema, answers, created_at)
                        VALUES (:id, :company, :applicant, :questionnaire, :version, :name, :schema, :answers, :now)
                        """)
                .param("id", id)
                .param("company", company.value())
                .param("applicant", applicant)
                .param("questionnaire", questionnaire.id())
                .param("version", questionnaire.version())
                .param("name", questionnaire.name())
                .param("schema", questionnaire.schema())
                .param("answers", JSON.writeValueAsString(checked.answers()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return answers(company, applicant).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The applicant's answers, oldest first. */
    public List<Answers> answers(CompanyId company, UUID applicant) {
        return jdbc.sql("""
                        SELECT * FROM questionnaire_answer WHERE company_id = :company AND applicant_id = :applicant
                          AND deactivated_at IS NULL
                        ORDER BY created_at, id
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> new Answers(
                        r.getObject("id", UUID.class),
                        r.getObject("questionnaire_id", UUID.class),
                        r.getInt("version"),
                        r.getString("name"),
                        r.getString("schema"),
                        JSON.readValue(r.getString("answers"), new TypeReference<LinkedHashMap<String, Object>>() {}),
                        r.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Questionnaire row(ResultSet r) throws SQLException {
        return new Questionnaire(
                r.getObject("id", UUID.class),
                r.getString("name"),
                r.getString("description"),
                r.getString("schema"),
                r.getInt("version"),
                r.getTimestamp("created_at").toInstant(),
                r.getTimestamp("updated_at").toInstant());
    }
}
