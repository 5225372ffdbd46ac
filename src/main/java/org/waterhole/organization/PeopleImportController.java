package org.waterhole.organization;

import java.io.IOException;

import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing people from a CSV file. The report is the answer to the upload itself rather than
 * a page after a redirect: it can run to thousands of rows, too much to carry in the session,
 * and sending the same file again changes nothing (known people come out unchanged).
 */
@Controller
@RequestMapping("/people/import")
class PeopleImportController {

	private static final String VIEW = "people/import";

	private final PeopleImport peopleImport;

	PeopleImportController(PeopleImport peopleImport) {
		this.peopleImport = peopleImport;
	}

	@GetMapping
	String form() {
		return VIEW;
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		ImportReport report;
		if (file == null || file.isEmpty()) {
			report = ImportReport.failed("import.file.missing");
		}
		else {
			try {
				report = peopleImport.run(file.getInputStream());
			}
			catch (IOException ex) {
				report = ImportReport.failed("import.file.unreadable");
			}
			catch (DataAccessException ex) {
				report = ImportReport.failed("import.file.rejectedByDatabase");
			}
		}
		model.addAttribute("report", report);
		model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
		return VIEW;
	}

}
