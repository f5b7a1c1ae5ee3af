package org.botoxclinic.platform.web;

import java.io.IOException;
import java.time.temporal.Temporal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Dates and times in a request body keep to years 0001-9999, so that {@code +999999999-12-31} is a 400 naming
 * the field rather than a value that overflows later, and whole numbers are whole. Wraps whatever deserializer the mapper already has for
 * each java.time type, so formats and time-zone handling stay as configured.
 */
@Singleton
public class BoundedDatesInJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("clinic-bounded-dates");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                if (Temporal.class.isAssignableFrom(description.getBeanClass())) {
                    return new Bounded(deserializer);
                }
                return deserializer;
            }
        });
        mapper.registerModule(module);
        // 1.5 minutes or units is not silently read as 1: a fraction where a whole number belongs is refused.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Reads with the original deserializer, then refuses a year outside the range. */
    static final class Bounded extends DelegatingDeserializer {

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Temporal temporal && !DateBounds.inRange(temporal)) {
                throw InvalidFormatException.from(p, "date out of range", value.toString(), value.getClass());
            }
            return value;
        }
    }
}
