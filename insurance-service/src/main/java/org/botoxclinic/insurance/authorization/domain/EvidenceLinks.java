package org.botoxclinic.insurance.authorization.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.domain.RuleRefusedException;

/**
 * Which of the referral's documents back a checklist item. Every linked id must be a document of the case's referral;
 * an item the catalogue marks as needing evidence (it lists the document types it accepts) is met only with at least
 * one linked document of one of those types. Other documents may be linked beside it (a clinic note next to the diary).
 */
public final class EvidenceLinks {

    /** The request field the rules are about. */
    public static final String FIELD = "evidenceDocumentIds";
    /** Met without any linked document although the item needs one. */
    public static final String EVIDENCE_REQUIRED = "EVIDENCE_REQUIRED";
    /** A linked id that is not a document of the case's referral. */
    public static final String NOT_ON_REFERRAL = "EVIDENCE_NOT_ON_REFERRAL";
    /** Documents linked, but none of a type the item accepts. */
    public static final String TYPE_NOT_ACCEPTED = "EVIDENCE_TYPE_NOT_ACCEPTED";

    private EvidenceLinks() {
    }

    /**
     * @param acceptedTypes      the item's accepted document types; null when it needs no document
     * @param linked             the document ids to link, in the order given (duplicates dropped)
     * @param referralDocuments  the referral's documents: id to document type
     * @return the ids to keep on the item
     * @throws RuleRefusedException (422) naming the rule, the item and the field
     */
    public static List<UUID> check(String code, boolean met, List<String> acceptedTypes, Collection<UUID> linked,
                                   Map<UUID, String> referralDocuments) {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(linked));
        List<UUID> unknown = ids.stream().filter(id -> !referralDocuments.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw refused(NOT_ON_REFERRAL, "evidence for " + code + " must be documents of this referral; not one: "
                    + unknown, code, Map.of("unknownDocumentIds", unknown));
        }
        if (!met || acceptedTypes == null) {
            return ids;
        }
        if (ids.isEmpty()) {
            throw refused(EVIDENCE_REQUIRED, code + " can only be met with at least one linked document of the referral ("
                    + String.join(", ", acceptedTypes) + ")", code, Map.of("acceptedDocumentTypes", acceptedTypes));
        }
        List<String> linkedTypes = ids.stream().map(referralDocuments::get).distinct().toList();
        if (linkedTypes.stream().noneMatch(acceptedTypes::contains)) {
            throw refused(TYPE_NOT_ACCEPTED, code + " needs a document of type " + String.join(" or ", acceptedTypes)
                    + "; linked: " + String.join(", ", linkedTypes), code,
                    Map.of("acceptedDocumentTypes", acceptedTypes, "linkedDocumentTypes", linkedTypes));
        }
        return ids;
    }

    private static RuleRefusedException refused(String rule, String detail, String code, Map<String, ?> more) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("requirement", code);
        properties.put("field", FIELD);
        properties.putAll(more);
        return new RuleRefusedException(rule, detail, properties);
    }
}
