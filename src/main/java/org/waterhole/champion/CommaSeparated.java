package org.waterhole.champion;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A small set of words kept in one column, comma-separated (a volunteer's platforms and skills). */
@Converter
class CommaSeparated implements AttributeConverter<Set<String>, String> {

	@Override
	public String convertToDatabaseColumn(Set<String> values) {
		return values == null ? "" : String.join(",", values);
	}

	@Override
	public Set<String> convertToEntityAttribute(String column) {
		if (column == null || column.isBlank()) {
			return new LinkedHashSet<>();
		}
		return Arrays.stream(column.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
