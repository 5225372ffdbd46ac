package org.waterhole.adoption;

import java.util.List;

/**
 * A department chosen in the dashboard's filter, with (to remove it from the filter) the other
 * departments chosen.
 */
public record FilterDepartment(long id, String name, List<Long> othersChosen) {
}
