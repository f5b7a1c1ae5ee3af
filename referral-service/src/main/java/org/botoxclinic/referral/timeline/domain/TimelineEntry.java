package org.botoxclinic.referral.timeline.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One thing that happened to a referral; entries are only ever added. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    /**
     * From the table's sequence, 50 ids per call ({@code pooled}: each value the sequence hands out owns the 50 ids
     * up to it), so that a transaction's entries are numbered without a round trip and inserted in one batch. Ids
     * increase in the order entries are recorded on one replica, not across replicas.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_id")
    @SequenceGenerator(name = "timeline_entry_id", sequenceName = "timeline_entry_id_seq", allocationSize = 50)
    private Long id;
    @Column(name = "referral_id")
    private UUID referralId;
    private OffsetDateTime at;
    @Enumerated(EnumType.STRING)
    private TimelineType type;
    private String detail;
    @Column(name = "source_event_id")
    private UUID sourceEventId;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;
    /** What a machine reads of the entry beside the line a person reads (a consult report's figures); mostly none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;

    protected TimelineEntry() {
    }

    public TimelineEntry(UUID referralId, OffsetDateTime at, TimelineType type, String detail, UUID sourceEventId,
                         OffsetDateTime recordedAt) {
        this.referralId = referralId;
        this.at = at;
        this.type = type;
        this.detail = detail;
        this.sourceEventId = sourceEventId;
        this.recordedAt = recordedAt;
    }

    public TimelineEntry(UUID referralId, OffsetDateTime at, TimelineType type, String detail, Map<String, Object> details,
                         UUID sourceEventId, OffsetDateTime recordedAt) {
        this(referralId, at, type, detail, sourceEventId, recordedAt);
        this.details = details;
    }

    public Long id() { return id; }
    public UUID referralId() { return referralId; }
    public OffsetDateTime at() { return at; }
    public TimelineType type() { return type; }
    public String detail() { return detail; }
    public UUID sourceEventId() { return sourceEventId; }
    public Map<String, Object> details() { return details; }
}
