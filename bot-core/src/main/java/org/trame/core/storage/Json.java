package org.trame.core.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The one JSON mapper for what the database stores as JSON. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  // A reader and writer per type, built once: the mapper's own readValue/writeValueAsString
  // look the type up and build a context on every call, which showed in a turn's profile.
  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return MAPPER.readerFor(type);
    }
  };
  private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
    @Override
    protected ObjectWriter computeValue(Class<?> type) {
      return MAPPER.writerFor(type);
    }
  };

  private Json() {}

  public static String write(Object value) {
    try {
      return WRITERS.get(value.getClass()).writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return READERS.get(type).readValue(json);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read stored JSON as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
