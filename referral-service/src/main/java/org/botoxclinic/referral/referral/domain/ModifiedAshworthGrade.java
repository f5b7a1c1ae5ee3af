package org.botoxclinic.referral.referral.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A Modified Ashworth Scale grade: 0, 1, 1.5 (written for "1+"), 2, 3 or 4; nothing in between. Null is allowed. */
@Documented
@Constraint(validatedBy = ModifiedAshworthGrade.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ModifiedAshworthGrade {

    /** The grades, 1+ written as 1.5. */
    Set<Double> GRADES = Set.of(0.0, 1.0, 1.5, 2.0, 3.0, 4.0);

    String message() default "must be one of 0, 1, 1.5 (for 1+), 2, 3, 4";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ModifiedAshworthGrade, Double> {
        @Override
        public boolean isValid(Double value, ConstraintValidatorContext context) {
            return value == null || GRADES.contains(value);
        }
    }
}
