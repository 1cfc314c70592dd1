/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-language-grid.c — every language the kiosk offers, as tiles.
 *
 * One tile per language, in the order of po/languages.ini: its own name
 * large, in its own script and direction, and its Swedish name small under
 * it, for the staff helping at the kiosk.  The tiles wrap into as many
 * rows as the width needs, each at least 72 px high, so every language is
 * one tap away on a landscape or a portrait screen.  Each tile is a toggle
 * for the window's "win.language" action: the current language shows as
 * pressed, to the eye and to a screen reader.
 */

#include "config.h"

#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-format.h"
#include "lotsen-language-grid.h"

struct _LotsenLanguageGrid
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LotsenLanguageGrid, lotsen_language_grid, GTK_TYPE_WIDGET)

static void
lotsen_language_grid_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_language_grid_parent_class)->dispose (object);
}

static void
lotsen_language_grid_class_init (LotsenLanguageGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_language_grid_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "languagegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_tile (const LotsenLanguage *language)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *native = gtk_label_new (language->native_name);
  /* Swedish's own tile says "Swedish": "svenska" under "Svenska" says nothing. */
  GtkWidget *other = gtk_label_new (g_str_equal (language->code, "sv") ? language->english_name
                                                                       : language->swedish_name);
  GtkTextDirection direction = language->direction == LOTSEN_TEXT_DIRECTION_RTL
                               ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

  /* The name is in its own script: it sets its own direction. */
  gtk_widget_set_direction (native, direction);
  gtk_widget_add_css_class (native, "language-native");
  gtk_widget_add_css_class (other, "language-other");
  gtk_label_set_wrap (GTK_LABEL (native), TRUE);
  gtk_label_set_justify (GTK_LABEL (native), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (other), TRUE);
  gtk_label_set_justify (GTK_LABEL (other), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), native);
  gtk_box_append (GTK_BOX (box), other);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "language");
  gtk_widget_add_css_class (button, "language-tile");
  gtk_widget_set_name (button, language->code);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.language");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", language->code);
  /* Read out in its own language, as it is written. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, language->native_name,
                                  -1);

  return button;
}

static void
lotsen_language_grid_init (LotsenLanguageGrid *self)
{
  GtkWidget *flow = gtk_flow_box_new ();
  const LotsenLanguage *languages;
  guint n_languages;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_set_parent (flow, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose your language"),
                                  -1);

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      GtkWidget *button = make_tile (&languages[i]);

      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
      /* The button takes the focus, not the cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
}

GtkWidget *
lotsen_language_grid_new (void)
{
  return g_object_new (LOTSEN_TYPE_LANGUAGE_GRID, NULL);
}

/**
 * lotsen_interpreter_button_new:
 * @language: an interpreter language
 * @action: the action it triggers, with its code as target
 *
 * A tile for @language: its own name large, its name in the visitor's
 * language small (once, when the two are the same).
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
lotsen_interpreter_button_new (const LotsenInterpreterLanguage *language,
                               const char                      *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *own = gtk_label_new (language->native_name);
  const char *translated = lotsen_interpreter_get_name (language);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (own, "language-native");
  gtk_label_set_wrap (GTK_LABEL (own), TRUE);
  /* "Bosanski/Hrvatski/Српски" wraps rather than widen every tile. */
  gtk_label_set_max_width_chars (GTK_LABEL (own), 12);
  gtk_label_set_justify (GTK_LABEL (own), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), own);
  if (g_strcmp0 (translated, language->native_name) != 0)
    {
      GtkWidget *other = gtk_label_new (translated);

      gtk_widget_add_css_class (other, "language-other");
      gtk_label_set_wrap (GTK_LABEL (other), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (other), 16);
      gtk_label_set_justify (GTK_LABEL (other), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), other);
      /* Translators: an interpreter language's accessible name: its name in the visitor's
       * language, then its own name, e.g. "Amharic (አማርኛ)". */
      accessible = g_strdup_printf (_("%s (%s)"), translated, language->native_name);
    }
  else
    accessible = g_strdup (translated);
  /* Told apart from the language grid's own buttons: "Interpreter: …". */
  {
    g_autofree char *named = lotsen_format_interpreter_name (accessible);

    g_free (accessible);
    accessible = g_steal_pointer (&named);
  }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "language");
  gtk_widget_add_css_class (button, "language-tile");
  gtk_widget_set_name (button, language->code);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", language->code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return button;
}
