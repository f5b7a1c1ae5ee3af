package org.botoxclinic.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Dates in query, path and header parameters: a value that is not a date, or names a year outside 0001-9999, is
 * a 400 problem naming the parameter (the JAX-RS default is a bare 404, and a far year a 500 further in).
 */
@Provider
public class DateParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name(annotations), DateBounds::parseDate, DateBounds.dateMessage());
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Converter<>(name(annotations), DateBounds::parseDateTime,
                    DateBounds.dateTimeMessage());
        }
        return null;
    }

    private static String[] name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return new String[] {query.value(), "query"};
            }
            if (annotation instanceof PathParam path) {
                return new String[] {path.value(), "path"};
            }
            if (annotation instanceof HeaderParam header) {
                return new String[] {header.value(), "header"};
            }
        }
        return new String[] {"parameter", "query"};
    }

    private record Converter<T>(String[] parameter, Function<String, T> parse, String message)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            try {
                return parse.apply(value);
            } catch (DateTimeException e) {
                throw new BadRequestException(Problems.invalidParameter(parameter[0], parameter[1], message).toResponse());
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
