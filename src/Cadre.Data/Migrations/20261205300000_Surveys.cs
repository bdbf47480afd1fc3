using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Surveys (issue 9): a survey with its questions and population, the responses imported from a survey tool's file
    /// and their answers, and the thematic analysis of free text (a codebook of themes, each analyst's coding, chosen
    /// quotes). Every table is organisation-owned. Hand-written like <see cref="Initial"/>; the schema test compares it
    /// with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261205300000_Surveys")]
    public partial class Surveys : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    Title = table.Column<string>(maxLength: 200, nullable: false),
                    OpenedOn = table.Column<DateOnly>(nullable: false),
                    ClosedOn = table.Column<DateOnly>(nullable: false),
                    PopulationSource = table.Column<string>(maxLength: 20, nullable: false),
                    PopulationDescription = table.Column<string>(maxLength: 500, nullable: false),
                    PopulationOn = table.Column<DateOnly>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey("FK_Surveys_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                });
            migrationBuilder.CreateIndex("IX_Surveys_OrganisationId_Title", "Surveys", new[] { "OrganisationId", "Title" });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    SurveyId = table.Column<Guid>(nullable: false),
                    Number = table.Column<int>(nullable: false),
                    Heading = table.Column<string>(maxLength: 200, nullable: false),
                    Text = table.Column<string>(maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(maxLength: 20, nullable: false),
                    Options = table.Column<string>(maxLength: 4000, nullable: false),
                    ScaleFrom = table.Column<int>(nullable: true),
                    ScaleTo = table.Column<int>(nullable: true),
                    WithdrawalFrom = table.Column<string>(maxLength: 10, nullable: true),
                    WithdrawalAnswer = table.Column<string>(maxLength: 200, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => x.Id);
                    table.ForeignKey("FK_SurveyQuestions_Surveys_SurveyId", x => x.SurveyId, "Surveys", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateIndex("IX_SurveyQuestions_SurveyId_Number", "SurveyQuestions", new[] { "SurveyId", "Number" });

            migrationBuilder.CreateTable(
                name: "SurveyPopulationGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    SurveyId = table.Column<Guid>(nullable: false),
                    Dimension = table.Column<string>(maxLength: 20, nullable: false),
                    Group = table.Column<string>(maxLength: 200, nullable: false),
                    Count = table.Column<int>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyPopulationGroups", x => x.Id);
                    table.ForeignKey("FK_SurveyPopulationGroups_Surveys_SurveyId", x => x.SurveyId, "Surveys", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateIndex("IX_SurveyPopulationGroups_SurveyId", "SurveyPopulationGroups", "SurveyId");

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    SurveyId = table.Column<Guid>(nullable: false),
                    FileName = table.Column<string>(maxLength: 260, nullable: false),
                    RowNumber = table.Column<int>(nullable: false),
                    Specialism = table.Column<string>(maxLength: 200, nullable: true),
                    Band = table.Column<string>(maxLength: 10, nullable: true),
                    Region = table.Column<string>(maxLength: 200, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey("FK_SurveyResponses_Surveys_SurveyId", x => x.SurveyId, "Surveys", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateIndex("IX_SurveyResponses_SurveyId", "SurveyResponses", "SurveyId");

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    SurveyId = table.Column<Guid>(nullable: false),
                    ResponseId = table.Column<Guid>(nullable: false),
                    QuestionId = table.Column<Guid>(nullable: false),
                    Value = table.Column<string>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey("FK_SurveyAnswers_SurveyResponses_ResponseId", x => x.ResponseId, "SurveyResponses", "Id", onDelete: ReferentialAction.Cascade);
                    table.ForeignKey("FK_SurveyAnswers_SurveyQuestions_QuestionId", x => x.QuestionId, "SurveyQuestions", "Id", onDelete: ReferentialAction.Restrict);
                });
            migrationBuilder.CreateIndex("IX_SurveyAnswers_SurveyId_QuestionId", "SurveyAnswers", new[] { "SurveyId", "QuestionId" });
            migrationBuilder.CreateIndex("IX_SurveyAnswers_ResponseId", "SurveyAnswers", "ResponseId");
            migrationBuilder.CreateIndex("IX_SurveyAnswers_QuestionId", "SurveyAnswers", "QuestionId");

            migrationBuilder.CreateTable(
                name: "SurveyThemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    SurveyId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Definition = table.Column<string>(maxLength: 2000, nullable: false),
                    ParentId = table.Column<Guid>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyThemes", x => x.Id);
                    table.ForeignKey("FK_SurveyThemes_Surveys_SurveyId", x => x.SurveyId, "Surveys", "Id", onDelete: ReferentialAction.Cascade);
                    table.ForeignKey("FK_SurveyThemes_SurveyThemes_ParentId", x => x.ParentId, "SurveyThemes", "Id", onDelete: ReferentialAction.Restrict);
                });
            migrationBuilder.CreateIndex("IX_SurveyThemes_SurveyId_Name", "SurveyThemes", new[] { "SurveyId", "Name" }, unique: true);
            migrationBuilder.CreateIndex("IX_SurveyThemes_ParentId", "SurveyThemes", "ParentId");

            migrationBuilder.CreateTable(
                name: "SurveyCodings",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    SurveyId = table.Column<Guid>(nullable: false),
                    AnswerId = table.Column<Guid>(nullable: false),
                    ThemeId = table.Column<Guid>(nullable: false),
                    Analyst = table.Column<string>(maxLength: 256, nullable: false),
                    CodedAt = table.Column<DateTime>(nullable: false),
                    Quote = table.Column<bool>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCodings", x => x.Id);
                    table.ForeignKey("FK_SurveyCodings_SurveyAnswers_AnswerId", x => x.AnswerId, "SurveyAnswers", "Id", onDelete: ReferentialAction.Cascade);
                    table.ForeignKey("FK_SurveyCodings_SurveyThemes_ThemeId", x => x.ThemeId, "SurveyThemes", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateIndex("IX_SurveyCodings_AnswerId_ThemeId_Analyst", "SurveyCodings", new[] { "AnswerId", "ThemeId", "Analyst" }, unique: true);
            migrationBuilder.CreateIndex("IX_SurveyCodings_SurveyId", "SurveyCodings", "SurveyId");
            migrationBuilder.CreateIndex("IX_SurveyCodings_ThemeId", "SurveyCodings", "ThemeId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "SurveyCodings");
            migrationBuilder.DropTable(name: "SurveyThemes");
            migrationBuilder.DropTable(name: "SurveyAnswers");
            migrationBuilder.DropTable(name: "SurveyResponses");
            migrationBuilder.DropTable(name: "SurveyPopulationGroups");
            migrationBuilder.DropTable(name: "SurveyQuestions");
            migrationBuilder.DropTable(name: "Surveys");
        }
    }
}
