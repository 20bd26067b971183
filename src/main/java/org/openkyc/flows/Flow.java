package org.openkyc.flows;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.flows.definition.FlowType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A verification flow of one company in one mode: its published definition (versioned) and, while someone
 * edits it, an unpublished draft. Definitions are stored as JSON.
 */
@Table("flow")
class Flow {

    @Id
    private FlowId id;

    private CompanyId companyId;
    private Mode mode;
    private String name;
    private FlowType type;
    private boolean isDefault;
    private int publishedVersion;
    private String definition;
    private @Nullable String draft;
    private @Nullable Instant draftSavedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Flow() {}

    Flow(
            CompanyId companyId,
            Mode mode,
            String name,
            FlowType type,
            boolean isDefault,
            String definition,
            Instant now) {
        this.id = FlowId.random();
        this.companyId = companyId;
        this.mode = mode;
        this.name = name;
        this.type = type;
        this.isDefault = isDefault;
        this.publishedVersion = 1;
        this.definition = definition;
        this.createdAt = now;
        this.updatedAt = now;
    }

    FlowId id() {
        return id;
    }

    CompanyId companyId() {
        return companyId;
    }

    Mode mode() {
        return mode;
    }

    FlowType type() {
        return type;
    }

    String name() {
        return name;
    }

    int publishedVersion() {
        return publishedVersion;
    }

    String definition() {
        return definition;
    }

    @Nullable
    String draft() {
        return draft;
    }

    boolean isDefault() {
        return isDefault;
    }

    /** Publishes a new version; an open draft is done with. */
    void publish(String name, FlowType type, String definition, Instant now) {
        this.name = name;
        this.type = type;
        this.definition = definition;
        this.publishedVersion++;
        this.draft = null;
        this.draftSavedAt = null;
        this.updatedAt = now;
    }

    FlowSummary summary(long applicants) {
        return new FlowSummary(
                id,
                mode,
                name,
                type,
                publishedVersion,
                isDefault,
                draft != null,
                draftSavedAt,
                applicants,
                createdAt,
                updatedAt);
    }
}
