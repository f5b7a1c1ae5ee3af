package org.botoxclinic.insurance.authorization.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a case's checklist: the indication's items, changed by the payer's own, for a first request or a reauthorization. */
public final class Checklist {

    private Checklist() {
    }

    public static List<RequirementTemplate> effective(List<RequirementTemplate> defaults, List<PayerRequirement> payer,
                                                      boolean reauthorization) {
        Map<String, RequirementTemplate> items = new LinkedHashMap<>();
        defaults.forEach(d -> items.put(d.code(), d));
        for (PayerRequirement p : payer) {
            RequirementTemplate base = items.get(p.code());
            if (p.excluded()) {
                items.remove(p.code());
                continue;
            }
            items.put(p.code(), new RequirementTemplate(p.code(),
                    p.description() != null ? p.description() : base != null ? base.description() : p.code(),
                    p.required() != null ? p.required() : base == null || base.required(),
                    p.stage() != null ? p.stage() : base != null ? base.stage() : RequirementStage.BOTH,
                    p.evidence() != null ? p.evidence() : base != null ? base.evidence() : null,
                    p.position() != null ? p.position() : base != null ? base.position() : Integer.MAX_VALUE,
                    p.evidenceDocumentTypes() != null ? p.evidenceDocumentTypes()
                            : base != null ? base.evidenceDocumentTypes() : null));
        }
        List<RequirementTemplate> result = new ArrayList<>();
        for (RequirementTemplate t : items.values()) {
            if (t.stage().appliesTo(reauthorization)) {
                result.add(t);
            }
        }
        result.sort(Comparator.comparingInt(RequirementTemplate::position).thenComparing(RequirementTemplate::code));
        return result;
    }
}
