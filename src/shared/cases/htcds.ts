/**
 * Value lists from the IOM Human Trafficking Case Data Standard (HTCDS) 2.0, copied from the
 * "Value Names (if picklist)" column of the field standards sheet of HTCDS 2.0
 * (`field-standards.csv`; a copy is in tests/unit/cases/htcds-field-standards.csv). Value names are stored as they are, so an export needs no translation
 * table; labels for the screen belong to i18n.
 *
 * HTCDS by IOM is licensed under CC BY 4.0. Using it does not mean IOM endorses Waypoint.
 */

/** prs_Gender */
export const htcdsGenders = ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'] as const;
export type HtcdsGender = (typeof htcdsGenders)[number];

/** vic_TypeOfExploitation */
export const htcdsExploitationTypes = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
] as const;
export type HtcdsExploitationType = (typeof htcdsExploitationTypes)[number];

/** vic_ForcedLabourIndustry: the ISIC v4 sections (tier 1). */
export const htcdsLabourIndustries = [
  'A_AgricultureForestryAndFishing',
  'B_MiningAndQuarrying',
  'C_Manufacturing',
  'D_ElectricityGasSteamAndAirConditioningSupply',
  'E_WaterSupplySewerageWasteManagement',
  'F_Construction',
  'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
  'H_TransportationAndStorage',
  'I_AccommodationAndFoodServiceActivities',
  'J_InformationAndCommunication',
  'K_FinancialAndInsuranceActivities',
  'L_RealEstateActivities',
  'M_ProfessionalScientificAndTechnicalActivities',
  'N_AdministrativeAndSupportServiceActivities',
  'O_PublicAdministrationAndDefence',
  'P_Education',
  'Q_HumanHealthAndSocialWorkActivities',
  'R_ArtsEntertainmentAndRecreation',
  'S_OtherServiceActivities',
  'T_ActivitiesOfHouseholdsAsEmployers',
  'U_ActivitiesOfExtraterritorialOrganizations',
] as const;
export type HtcdsLabourIndustry = (typeof htcdsLabourIndustries)[number];

/**
 * vic_MethodsOfControl. The picklist is used as published; field-definitions.md also describes
 * RestrictsMovement and UsesChildren, which the picklist does not (yet) contain.
 */
export const htcdsMethodsOfControl = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  'Other',
] as const;
export type HtcdsMethodOfControl = (typeof htcdsMethodsOfControl)[number];

/** spl_Type (support plan type): the kinds of assistance a case receives. */
export const htcdsSupportTypes = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;
export type HtcdsSupportType = (typeof htcdsSupportTypes)[number];

/** cas_Status */
export const htcdsCaseStatuses = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export type HtcdsCaseStatus = (typeof htcdsCaseStatuses)[number];

/** hte_Type: what happened at a place in the person's journey. */
export const htcdsEventTypes = ['Recruitment', 'Transit', 'Exploitation'] as const;
export type HtcdsEventType = (typeof htcdsEventTypes)[number];
